using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Ingest;

/// <summary>
/// Two ingests of the same ALIS at once: the pointer flip is conditional on the ETag read before staging, so exactly one
/// wins; the other gets <see cref="IngestOutcome.Conflict"/> (the caller sends again) and leaves nothing behind.
/// </summary>
[Collection(AzuriteIngest.Name)]
public sealed class IngestConcurrencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Of_two_concurrent_ingests_of_the_same_alis_one_wins_and_the_other_is_a_clear_conflict()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);
        var original = TestRecords.Asnes() with { Alis = [TestRecords.Asnes().Alis[0]] };
        await storage.Ingest(clock).IngestAsync([new IngestFile("v1.json", RecordsJson.Document(original))], "test");
        await storage.DrainQueueAsync();
        clock.Advance(Duration.FromMinutes(1));

        var winnerRecords = original with { Alis = [original.Alis[0] with { SupervisionSessions = [.. original.Alis[0].SupervisionSessions.Take(10)] }] };
        var loserRecords = original with { Alis = [original.Alis[0] with { SupervisionSessions = [.. original.Alis[0].SupervisionSessions.Take(20)] }] };
        IngestResult? winner = null;

        // The loser has read the pointer and staged its rows; just before it flips, the winner runs a whole ingest.
        var competitor = new BeforeFirstRequestPolicy(FailNthRequestPolicy.IsPointerFlip, async () =>
            winner = await storage.Ingest(clock).IngestAsync([new IngestFile("winner.json", RecordsJson.Document(winnerRecords))], "test"));
        var loser = await storage.Ingest(clock, storage.WithPolicy(competitor)).IngestAsync([new IngestFile("loser.json", RecordsJson.Document(loserRecords))], "test");

        winner!.Outcome.Should().Be(IngestOutcome.Accepted);
        loser.Outcome.Should().Be(IngestOutcome.Conflict);
        loser.Errors.Should().ContainSingle().Which.Message.Should().Contain("ALIS alis-01 i kommune 3417 ble endret av en annen innsending samtidig");
        var loaded = await storage.Records().LoadAlisVersionAsync("3417", "alis-01");
        loaded!.BatchId.Should().Be(winner.AlisTouched.Single().BatchId);
        loaded.Records.Alis.Single().SupervisionSessions.Should().HaveCount(10);
        var rows = await storage.RecordsRowsAsync();
        rows.Where(row => row.PartitionKey == RecordKeys.AlisPartition("3417", "alis-01")).Should().HaveCount(1 + IngestRoundTripTests.RowCount(winnerRecords.Alis[0]));
        (await storage.DrainQueueAsync()).Should().ContainSingle().Which.BatchId.Should().Be(loaded.BatchId);
    }

    [Fact]
    public async Task A_save_based_on_a_version_no_longer_in_force_is_a_conflict()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var records = TestRecords.Asnes() with { Alis = [TestRecords.Asnes().Alis[0]] };
        var first = await storage.Ingest().IngestAsync([new IngestFile("v1.json", RecordsJson.Document(records))], "test");
        var before = await storage.SnapshotAsync(storage.Names.Audit);
        var changed = records with { Alis = [records.Alis[0] with { PlanReviews = [] }] };
        var request = new IngestRequest([new IngestFile("import", RecordsJson.Document(changed))], "test")
        {
            ExpectedBatches = new Dictionary<AlisKey, string?> { [new AlisKey("3417", "alis-01")] = "20260101T000000000Z-00000000" },
        };

        var result = await storage.Ingest().IngestAsync(request);

        result.Outcome.Should().Be(IngestOutcome.Conflict);
        (await storage.SnapshotAsync(storage.Names.Audit)).Should().Equal(before);
        var matching = request with { ExpectedBatches = new Dictionary<AlisKey, string?> { [new AlisKey("3417", "alis-01")] = first.AlisTouched[0].BatchId } };
        (await storage.Ingest().IngestAsync(matching)).Outcome.Should().Be(IngestOutcome.Accepted);
    }
}
