using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;
using Azure.Core;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Ingest;

/// <summary>A storage failure part-way through a save leaves the old version in force and nothing of the new one.</summary>
[Collection(AzuriteIngest.Name)]
public sealed class IngestFaultTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public async Task A_transaction_failing_mid_save_leaves_the_old_version_and_no_new_rows_or_messages(int failingBatch)
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);
        await storage.Ingest(clock).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        await storage.DrainQueueAsync();
        var before = await storage.SnapshotAsync();
        var changed = ChangeEveryAlis(TestRecords.Asnes());
        var fault = new FailNthRequestPolicy(FailNthRequestPolicy.IsBatch, failingBatch);
        clock.Advance(Duration.FromMinutes(1));

        var save = () => storage.Ingest(clock, storage.WithPolicy(fault)).IngestAsync([new IngestFile("asnes.json", RecordsJson.Document(changed))], "test");

        (await save.Should().ThrowAsync<RequestFailedException>()).Which.ErrorCode.Should().Be("InjectedFault");
        fault.Matched.Should().BeGreaterThanOrEqualTo(failingBatch);
        (await storage.SnapshotAsync()).Should().Equal(before);
        (await storage.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
        var loaded = await storage.Records().LoadAlisAsync("3417", "alis-05");
        RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(TestRecords.Asnes() with { Alis = [TestRecords.Asnes().Alis[4]] }));
    }

    [Fact]
    public async Task Records_saved_by_an_ingest_that_stopped_before_queueing_are_queued_when_sent_again()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);
        var fault = new FailNthRequestPolicy(message => message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal), 1);
        var stopped = () => storage.Ingest(clock, storage.WithPolicy(fault)).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        await stopped.Should().ThrowAsync<RequestFailedException>();
        await storage.DrainQueueAsync();

        var again = await storage.Ingest(clock).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        var queued = await storage.DrainQueueAsync();
        var third = await storage.Ingest(clock).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        again.Counts.AlisChanged.Should().Be(0, "the records were saved the first time");
        again.Counts.MessagesSent.Should().Be(10, "none of them had been queued");
        queued.Select(message => message.AlisId).Should().HaveCount(10).And.OnlyHaveUniqueItems();
        third.Counts.MessagesSent.Should().Be(0);
        (await storage.DrainQueueAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_pointer_flip_failing_flips_back_the_ones_already_flipped()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);
        await storage.Ingest(clock).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        await storage.DrainQueueAsync();
        var before = await storage.SnapshotAsync();
        var fault = new FailNthRequestPolicy(FailNthRequestPolicy.IsPointerFlip, 6);
        clock.Advance(Duration.FromMinutes(1));
        var ingest = new IngestService(storage.WithPolicy(fault), TestRecords.Reader, clock, new RecordsRepositoryOptions { MaxConcurrency = 1 });

        var save = () => ingest.IngestAsync([new IngestFile("asnes.json", RecordsJson.Document(ChangeEveryAlis(TestRecords.Asnes())))], "test");

        await save.Should().ThrowAsync<RequestFailedException>();
        fault.Matched.Should().BeGreaterThanOrEqualTo(6 + 5, "five pointers were flipped and then flipped back");
        (await storage.SnapshotAsync()).Should().Equal(before);
        (await storage.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task A_new_municipality_failing_mid_save_leaves_nothing_at_all()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var fault = new FailNthRequestPolicy(FailNthRequestPolicy.IsBatch, 4);

        var save = () => storage.Ingest(storage: storage.WithPolicy(fault)).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        await save.Should().ThrowAsync<RequestFailedException>();
        (await storage.SnapshotAsync()).Should().BeEmpty();
        (await storage.Records().ListMunicipalitiesAsync()).Should().BeEmpty();
    }

    internal static Core.Records.MunicipalityRecords ChangeEveryAlis(Core.Records.MunicipalityRecords records) => records with
    {
        Municipality = records.Municipality with { Leaders = [.. records.Municipality.Leaders.Select(leader => leader with { Email = null })] },
        Alis = [.. records.Alis.Select(alis => alis with { SupervisionSessions = [.. alis.SupervisionSessions.Select(session => session with { Minutes = session.Minutes + 1 })] })],
    };
}
