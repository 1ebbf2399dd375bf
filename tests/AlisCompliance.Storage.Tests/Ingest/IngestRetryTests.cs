using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tests.Ingest;

/// <summary>
/// Faults the SDK's retries absorb during an ingest on Azurite: the result must equal an ingest without faults, with
/// nothing lost and nothing written or enqueued twice.
/// </summary>
[Collection(AzuriteIngest.Name)]
public sealed class IngestRetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_503_then_success_on_every_kind_of_write_stores_and_enqueues_everything_once()
    {
        var expected = await CleanIngestAsync();
        var storage = await TestStorage.CreateAsync(azurite);
        var busy = new ServiceUnavailablePolicy(message => message.Request.Method != RequestMethod.Get);

        var ingest = new IngestService(WithPolicy(storage, busy), TestRecords.Reader, ManualClock.At(2026, 11, 23), new RecordsRepositoryOptions { MaxConcurrency = 1 });

        var result = await ingest.IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted);
        busy.Answered.Should().BeGreaterThan(10, "every write was answered 503 once: batches, pointers, the audit, the messages");
        (await storage.SnapshotAsync(storage.Names.Audit)).Select(WithoutBatch).Should().Equal(Renamed(expected.Rows, expected.Names, storage.Names).Select(WithoutBatch));
        (await storage.DrainQueueAsync()).Select(message => message.AlisId).Should().BeEquivalentTo(TestRecords.Asnes().Alis.Select(alis => alis.Id));
    }

    [Theory]
    [InlineData("batch", 3)]
    [InlineData("flip", 1)]
    [InlineData("flip", 4)]
    [InlineData("audit", 1)]
    public async Task An_answer_lost_after_the_service_applied_a_write_is_retried_without_writing_twice(string request, int lose)
    {
        var expected = await CleanIngestAsync(changeAfterwards: true);
        var storage = await TestStorage.CreateAsync(azurite);
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        await storage.DrainQueueAsync();
        var lost = new LoseAnswerPolicy(
            request switch
            {
                "batch" => FailNthRequestPolicy.IsBatch,
                "flip" => FailNthRequestPolicy.IsPointerFlip,
                _ => message => message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("audit", StringComparison.Ordinal),
            },
            lose);

        var result = await storage.Ingest(storage: WithPolicy(storage, lost)).IngestAsync([new IngestFile("asnes.json", Changed())], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", result.Errors));
        lost.Matched.Should().BeGreaterThan(lose, "the lost request was sent again");
        var rows = await storage.SnapshotAsync(storage.Names.Audit);
        rows.Select(WithoutBatch).Should().Equal(Renamed(expected.Rows, expected.Names, storage.Names).Select(WithoutBatch));
        (await storage.Records().LoadAlisAsync("3417", "alis-03")).Should().NotBeNull();
        (await storage.DrainQueueAsync()).Select(message => message.AlisId).Should().OnlyHaveUniqueItems().And.HaveCount(10);
        (await new AuditLog(storage.Storage, ManualClock.At(2026, 11, 23)).ListAsync(new NodaTime.YearMonth(2026, 11))).Should().HaveCount(2);
    }

    /// <summary>Every table row of a fault-free ingest (the audit aside), and the names it was stored under.</summary>
    private async Task<(IReadOnlyList<string> Rows, StorageNames Names)> CleanIngestAsync(bool changeAfterwards = false)
    {
        var storage = await TestStorage.CreateAsync(azurite);
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        if (changeAfterwards)
        {
            await storage.Ingest().IngestAsync([new IngestFile("asnes.json", Changed())], "test");
        }

        return (await storage.SnapshotAsync(storage.Names.Audit), storage.Names);
    }

    private static string Changed() => RecordsJson.Document(IngestFaultTests.ChangeEveryAlis(TestRecords.Asnes()));

    private static ComplianceStorage WithPolicy(TestStorage storage, HttpPipelinePolicy policy)
    {
        var options = AzuriteFixture.FastRetryOptions().AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return new(storage.Azurite.CreateTableServiceClient(options), storage.Azurite.CreateQueueServiceClient(options), storage.Names, options);
    }

    private static IEnumerable<string> Renamed(IEnumerable<string> rows, StorageNames from, StorageNames to) =>
        rows.Select(row => row.Replace(from.Records, to.Records, StringComparison.Ordinal).Replace(from.Municipalities, to.Municipalities, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Batch ids hold the time and a random part; the rows are compared without them.</summary>
    private static string WithoutBatch(string row) =>
        System.Text.RegularExpressions.Regex.Replace(row, @"\d{8}T\d{9}Z-[0-9a-f]{8}", "BATCH", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
