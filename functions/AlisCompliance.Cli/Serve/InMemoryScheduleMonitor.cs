using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The timer extension resolves a <see cref="ScheduleMonitor"/> even for timers with <c>UseMonitor = false</c>; its own
/// storage-backed one needs <c>AddAzureStorageCoreServices()</c>, which fails with Host.Storage 5.0.1. This one keeps
/// the status in memory for the life of the process.
/// </summary>
internal sealed class InMemoryScheduleMonitor : ScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> statuses = new(StringComparer.Ordinal);

    public override Task<ScheduleStatus> GetStatusAsync(string timerName) =>
        Task.FromResult(statuses.TryGetValue(timerName, out var status) ? status : null!);

    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        statuses[timerName] = status;
        return Task.CompletedTask;
    }
}
