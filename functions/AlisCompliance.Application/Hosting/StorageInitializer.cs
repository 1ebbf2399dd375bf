using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Hosting;

namespace AlisCompliance.Application.Hosting;

/// <summary>Creates the tables and queues at start (idempotent), so the first message finds them.</summary>
public sealed class StorageInitializer(ComplianceStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
