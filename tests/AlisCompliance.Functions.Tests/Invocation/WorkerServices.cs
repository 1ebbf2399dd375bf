using AlisCompliance.Application.Email;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Functions.Tests.Invocation;

/// <summary>
/// The worker's services as its Program registers them (AddAlisCompliance), on a fresh set of tables and queues in the
/// fixture's Azurite, with a fixed clock and a mail sender that keeps what it is given. Function classes are resolved
/// from it as the host would construct them.
/// </summary>
internal sealed class WorkerServices : IAsyncDisposable
{
    public static readonly Instant SampleNow = Instant.FromUtc(2026, 11, 23, 9, 0);

    private readonly ServiceProvider services;

    private WorkerServices(ServiceProvider provider, FakeClock clock, RecordingMailSender mail)
    {
        this.services = provider;
        Clock = clock;
        Mail = mail;
    }

    public FakeClock Clock { get; }

    public RecordingMailSender Mail { get; }

    public ComplianceStorage Storage => services.GetRequiredService<ComplianceStorage>();

    public IServiceProvider Services => services;

    public T Get<T>()
        where T : notnull => ActivatorUtilities.CreateInstance<T>(services);

    /// <param name="connectionString">Azurite's.</param>
    /// <param name="easyAuth">Whether the worker trusts Easy Auth's principal header; the test keys work either way.</param>
    public static async Task<WorkerServices> StartAsync(string connectionString, bool easyAuth = false)
    {
        var prefix = "w" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestCallers.Settings(easyAuth)).AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AlisComplianceServiceCollectionExtensions.StorageConnectionName] = connectionString,
            ["AlisCompliance:RulesPath"] = RepositoryRoot.Combine("rules"),
            ["AlisCompliance:PublicBaseUrl"] = "https://alis.asnes.kommune.no",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:FromAddress"] = "alis-kontroll@asnes.kommune.no",
        }).Build();
        var clock = new FakeClock(SampleNow);
        var mail = new RecordingMailSender();
        var registrations = new ServiceCollection().AddLogging();
        registrations.AddSingleton<IClock>(clock);
        registrations.AddSingleton(StorageNames.WithPrefix(prefix));
        registrations.AddAlisCompliance(configuration);
        registrations.AddSingleton<IMailSender>(mail);
        var provider = registrations.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new WorkerServices(provider, clock, mail);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
