using System.Diagnostics;
using System.Globalization;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Sweep;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// The nightly sweep of the national data set through <c>alis serve</c> on Azurite: ingests the data set, starts serve in
/// this process with the real use cases (timers off, a fixed clock, mail to an SMTP sink), then runs NightlySweep twice,
/// a night apart: the first night every finding and alert is new, the second nothing in the records changed (the steady
/// state). For each: enqueue time, time until every ALIS is evaluated, ALIS per second, findings stored, alerts queued,
/// and the alerts' delivery after it.
/// </summary>
internal sealed class SweepBenchmark(SweepOptions options, TextWriter output)
{
    /// <summary>The first night: the sweep after the data set's as-of date (23.11.2026), 01:00 UTC as the timer runs it.</summary>
    private static readonly Instant FirstNight = Instant.FromUtc(2026, 11, 24, 1, 0);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    private readonly Stopwatch total = Stopwatch.StartNew();

    public async Task<int> RunAsync()
    {
        var root = RepositoryRoot.Find();
        var national = await NationalIngest.GenerateAsync(root, options.Municipalities, options.Alis, options.SessionsPerAlis, options.Seed);
        await Line($"Generated {national.Data.Count} municipalities, {national.AlisCount} ALIS, {national.SessionCount} supervision sessions.");

        await using var azurite = await LocalAzurite.StartAsync(root);
        var storage = ComplianceStorage.Connect(azurite.ConnectionString, StorageNames.Default, new StorageClientOptions().ConfigureRetry(retry => retry.NetworkTimeout = TimeSpan.FromMinutes(5)));
        await storage.EnsureCreatedAsync();
        var ingesting = Stopwatch.StartNew();
        var ingest = new IngestService(storage, new RecordsReader(national.Catalog), SystemClock.Instance);
        var written = await national.IngestAsync(ingest, options.FilesAtOnce, (files, entities) => Line($"  ingest: {files} files, {entities} entities"));
        await storage.AlisChanged.ClearMessagesAsync(); // the ingest's own messages: the sweep is measured alone
        await Line($"Ingested {written} entities in {ingesting.Elapsed.TotalSeconds:0.0} s; alis-changed cleared.");

        await using var smtp = new CountingSmtpSink();
        var clock = new FakeClock(FirstNight);
        var probe = new SweepProbe(discardDeliveries: options.Deliver is "discard");
        var app = ServeHost.Build(ServeOptionsFor(root, azurite.ConnectionString, smtp.Port), configureServices: services =>
        {
            services.AddSingleton<IClock>(clock);
            services.AddSingleton(provider => probe.Wrap(ServeHandlers.FromUseCases(provider.GetRequiredService<IServiceScopeFactory>())));
        });
        await app.StartAsync();
        try
        {
            var compiling = Stopwatch.StartNew();
            (await app.Services.GetRequiredService<ComplianceRules>().AcquireAsync(CancellationToken.None)).Dispose();
            await Line($"serve started (queue settings from {ServeOptionsFor(root, azurite.ConnectionString, smtp.Port).HostJsonPath}, deliveries {options.Deliver} the sweep, log level {options.LogLevel}); rule set compiled in {compiling.Elapsed.TotalSeconds:0.0} s (once per host start, not in the sweeps).");

            var nights = new List<SweepNight>
            {
                await SweepAsync("1: all new", app, storage, azurite, probe, smtp),
            };
            clock.Advance(Duration.FromDays(1));
            nights.Add(await SweepAsync("2: steady", app, storage, azurite, probe, smtp));
            await SweepTable.WriteAsync(output, nights);
            var poisoned = await PoisonedAsync(azurite.ConnectionString, FunctionBindings.AlisChangedQueue) + await PoisonedAsync(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue);
            await Line($"Poison messages: {poisoned}. Load average now: {LoadAverage()}.");
            if (options.Deliver is "discard")
            {
                await Line($"DeliverAlert discarded {probe.Deliveries.Succeeded} messages (--deliver discard): the alerts were stored and queued, not delivered.");
            }

            return poisoned == 0 && nights.All(night => night.Evaluations >= night.AlisQueued) ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<SweepNight> SweepAsync(string name, WebApplication app, ComplianceStorage storage, LocalAzurite azurite, SweepProbe probe, CountingSmtpSink smtp)
    {
        if (options.Deliver is "after")
        {
            probe.HoldDeliveries();
        }

        var alertsBefore = await CountRowsAsync(storage.Alerts, _ => true);
        var evaluationsBefore = probe.Evaluations.Succeeded;
        var failuresBefore = probe.Evaluations.Failed;
        var deliveriesBefore = probe.Deliveries.Succeeded;
        var mailsBefore = smtp.Received;
        var serveCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteCpu = azurite.ProcessorTime;
        await Line($"Night {name}: sweep starts at {LoadAverage()} load.");

        var sweeping = Stopwatch.StartNew();
        var queued = await app.Services.GetRequiredService<NightlySweep>().RunAsync(CancellationToken.None);
        var enqueue = sweeping.Elapsed;
        await Line($"  NightlySweep queued {queued} ALIS in {enqueue.TotalSeconds:0.0} s; {probe.Evaluations.Succeeded - evaluationsBefore} evaluated meanwhile.");
        await WaitUntilAsync(async () => probe.Evaluations.Succeeded - evaluationsBefore >= queued && await storage.AlisChanged.GetPropertiesAsync() is { Value.ApproximateMessagesCount: 0 }, () => $"{probe.Evaluations.Succeeded - evaluationsBefore} of {queued} evaluated", sweeping);
        var evaluated = sweeping.Elapsed;
        var cpuServe = Process.GetCurrentProcess().TotalProcessorTime - serveCpu;
        var cpuAzurite = azurite.ProcessorTime - azuriteCpu;
        await Line($"  every ALIS evaluated after {evaluated.TotalSeconds:0.0} s ({queued / evaluated.TotalSeconds:0.0} ALIS/s); CPU: serve {cpuServe.TotalSeconds:0.0} s, Azurite {cpuAzurite.TotalSeconds:0.0} s; load {LoadAverage()}.");

        var findings = await CountRowsAsync(storage.Findings, rowKey => !rowKey.StartsWith("outbox|", StringComparison.Ordinal));
        var alerts = await CountRowsAsync(storage.Alerts, _ => true) - alertsBefore;
        if (options.Deliver is "discard")
        {
            return new SweepNight(name, enqueue, evaluated, queued, probe.Evaluations.Succeeded - evaluationsBefore, probe.Evaluations.Failed - failuresBefore, findings, alerts, null, 0, cpuServe, cpuAzurite);
        }

        var delivering = Stopwatch.StartNew();
        probe.ReleaseDeliveries();
        await WaitUntilAsync(async () => probe.Deliveries.Succeeded - deliveriesBefore >= alerts && await storage.LeaderAlerts.GetPropertiesAsync() is { Value.ApproximateMessagesCount: 0 }, () => $"{probe.Deliveries.Succeeded - deliveriesBefore} of {alerts} alerts delivered", delivering);
        var delivery = delivering.Elapsed;
        await Line($"  {alerts} alerts delivered in {delivery.TotalSeconds:0.0} s ({smtp.Received - mailsBefore} mails); load {LoadAverage()}.");
        return new SweepNight(name, enqueue, evaluated, queued, probe.Evaluations.Succeeded - evaluationsBefore, probe.Evaluations.Failed - failuresBefore, findings, alerts, delivery, smtp.Received - mailsBefore, cpuServe, cpuAzurite);
    }

    private ServeOptions ServeOptionsFor(string root, string connectionString, int smtpPort) => new()
    {
        Port = 0,
        ConnectionString = connectionString,
        Timers = false,
        HostJsonPath = options.HostJson ?? Path.Combine(root, "host.json"),
        LocalSettingsPath = null,
        Settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Logging:LogLevel:Default"] = options.LogLevel,
            ["Logging:LogLevel:Function"] = options.LogLevel,
            ["Logging:LogLevel:Azure.Core"] = "Error", // a 404 on a queue not yet created is a warning there
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "alis-kontroll@example.no",
            ["AlisCompliance:RulesPath"] = Path.Combine(root, "rules"),
        },
    };

    private async Task WaitUntilAsync(Func<Task<bool>> done, Func<string> progress, Stopwatch since)
    {
        var lastReport = since.Elapsed;
        while (!await done())
        {
            if (since.Elapsed > Patience)
            {
                throw new TimeoutException($"Gave up after {Patience.TotalMinutes} minutes: {progress()}.");
            }

            if (since.Elapsed - lastReport >= TimeSpan.FromSeconds(15))
            {
                lastReport = since.Elapsed;
                await Line($"    {since.Elapsed.TotalSeconds:0} s: {progress()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    private static async Task<int> CountRowsAsync(TableClient table, Func<string, bool> counts)
    {
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count += counts(row.RowKey) ? 1 : 0;
        }

        return count;
    }

    private static async Task<int> PoisonedAsync(string connectionString, string queueName)
    {
        var poison = StorageQueues.Connect(connectionString).GetQueueClient(StorageQueues.PoisonQueueName(queueName));
        return await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private Task Line(string text) => output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{total.Elapsed:hh\\:mm\\:ss}] {text}"));
}
