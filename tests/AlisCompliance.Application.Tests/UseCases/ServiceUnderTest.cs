using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Email;
using AlisCompliance.Application.Evaluation;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Loading;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Status;
using AlisCompliance.Application.Sweep;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using AlisCompliance.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Application.Tests.UseCases;

/// <summary>
/// The use cases wired as the hosts wire them, on a fresh set of tables and queues in the fixture's Azurite, with a
/// fake clock (23.11.2026, the sample's as-of date) and a mail sender that records what it is given.
/// </summary>
internal sealed class ServiceUnderTest
{
    public static readonly Instant SampleNow = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>The repository's rules/, in force while a test publishes nothing.</summary>
    public static readonly RulesDirectory ShippedRules = new(new DirectoryInfo(Path.Combine(RepositoryRoot.Path, "rules")));

    /// <summary>Compiled versions shared by every test: each compiles once (a second or two) whatever the storage.</summary>
    public static readonly CompiledRuleSets SharedCompiled = new();

    private static readonly Lazy<TrainingCatalog> ShippedCatalog = new(ShippedRules.ReadCatalog);

    private ServiceUnderTest(ComplianceStorage storage, FakeClock clock, RecordingMailSender mail)
    {
        Storage = storage;
        Clock = clock;
        Mail = mail;
        var reader = new RecordsReader(Catalog);
        Records = new RecordsRepository(storage, reader, clock);
        Ingest = new IngestService(storage, reader, clock);
        Findings = new FindingsRepository(storage);
        Alerts = new AlertsRepository(storage);
        var options = Options.Create(new ServiceOptions { PublicBaseUrl = new Uri("https://alis.example.no") });
        var smtp = Options.Create(new SmtpOptions { Host = "127.0.0.1", FromAddress = "alis-kontroll@asnes.kommune.no" });
        RuleSets = new RuleSetRepository(storage);
        Rules = new ComplianceRules(ShippedRules, RuleSets, SharedCompiled, clock);
        Audit = new AuditLog(storage, clock);
        Evaluate = new EvaluateAlis(Rules, Records, Findings, new AlertOutbox(Findings, Alerts, new LeaderAlertMessages(storage)), clock, NullLogger<EvaluateAlis>.Instance);
        Deliver = new DeliverAlert(Alerts, Records, Rules, mail, options, smtp, clock, NullLogger<DeliverAlert>.Instance);
        Digests = new DigestsRepository(storage);
        Digest = new WeeklyDigest(Rules, Records, Findings, Alerts, Digests, mail, options, smtp, clock, NullLogger<WeeklyDigest>.Instance);
        Sweep = new NightlySweep(Records, new AlisChangedMessages(storage), NullLogger<NightlySweep>.Instance);
        Status = new ComplianceStatus(Records, Findings, Alerts, clock);
        Publish = new PublishRules(Rules, RuleSets, Records, Audit, Sweep, clock, NullLogger<PublishRules>.Instance);
    }

    public static TrainingCatalog Catalog => ShippedCatalog.Value;

    public RuleSetRepository RuleSets { get; }

    public ComplianceRules Rules { get; }

    public AuditLog Audit { get; }

    public PublishRules Publish { get; }

    public ComplianceStorage Storage { get; }

    public FakeClock Clock { get; }

    public RecordingMailSender Mail { get; }

    public RecordsRepository Records { get; }

    public IngestService Ingest { get; }

    public FindingsRepository Findings { get; }

    public AlertsRepository Alerts { get; }

    public DigestsRepository Digests { get; }

    public WeeklyDigest Digest { get; }

    public EvaluateAlis Evaluate { get; }

    public DeliverAlert Deliver { get; }

    public NightlySweep Sweep { get; }

    public ComplianceStatus Status { get; }

    public static async Task<ServiceUnderTest> CreateAsync(AzuriteFixture azurite)
    {
        var storage = ComplianceStorage.Connect(azurite.ConnectionString, StorageNames.WithPrefix("a" + Guid.NewGuid().ToString("N")[..12]));
        await storage.EnsureCreatedAsync();
        return new ServiceUnderTest(storage, new FakeClock(SampleNow), new RecordingMailSender());
    }

    /// <summary>Stores the sample municipality (Åsnes, 10 ALIS) as <c>alis ingest</c> would.</summary>
    public async Task IngestSampleAsync(Func<string, string>? edit = null)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "asnes", "asnes.json"));
        var result = await Ingest.IngestAsync([new IngestFile("asnes.json", edit is null ? json : edit(json))], "test");
        result.IsAccepted.Should().BeTrue(string.Join("\n", result.Errors));
    }

    /// <summary>Runs EvaluateAlis for every alis-changed message waiting, as the queue trigger would; returns the messages.</summary>
    public Task<IReadOnlyList<AlisChangedMessage>> EvaluateQueuedAsync() => TakeAsync(Storage.AlisChanged, async text =>
    {
        await Evaluate.RunAsync(text, CancellationToken.None);
        return AlisChangedMessage.Parse(text)!;
    });

    /// <summary>The leader-alerts messages waiting, removed from the queue.</summary>
    public Task<IReadOnlyList<LeaderAlertMessage>> TakeAlertMessagesAsync() =>
        TakeAsync(Storage.LeaderAlerts, text => Task.FromResult(LeaderAlertMessage.Parse(text)!));

    /// <summary>Every message waiting on the queue, each handled and then deleted.</summary>
    private static async Task<IReadOnlyList<T>> TakeAsync<T>(Azure.Storage.Queues.QueueClient queue, Func<string, Task<T>> handle)
    {
        var taken = new List<T>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return taken;
            }

            foreach (var message in batch)
            {
                taken.Add(await handle(message.MessageText));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
