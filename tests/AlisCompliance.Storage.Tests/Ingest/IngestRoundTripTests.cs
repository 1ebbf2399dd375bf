using System.Text;
using System.Text.Json;
using AlisCompliance.Core.Records;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure.Storage.Queues;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Ingest;

[Collection(AzuriteIngest.Name)]
public sealed class IngestRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_alis_loads_back_equal_to_what_the_reader_read_from_the_file()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var expected = TestRecords.Asnes();

        var result = await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", result.Errors));
        result.Counts.Alis.Should().Be(10);
        result.Counts.AlisChanged.Should().Be(10);
        var repository = storage.Records();
        foreach (var alis in expected.Alis)
        {
            var loaded = await repository.LoadAlisAsync("3417", alis.Id);
            loaded.Should().NotBeNull();
            loaded.Should().BeEquivalentTo(expected with { Alis = [alis] }, options => options.ComparingRecordsByMembers().WithStrictOrdering());
            RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(expected with { Alis = [alis] }));
        }
    }

    [Fact]
    public async Task Lists_come_from_the_index_rows_and_the_municipalities_table()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        var repository = storage.Records();

        var alis = await repository.ListAlisAsync("3417");
        var municipalities = await repository.ListMunicipalitiesAsync();

        alis.Select(entry => entry.AlisId).Should().Equal(TestRecords.Asnes().Alis.Select(entry => entry.Id));
        alis.Should().OnlyContain(entry => entry.LeaderId.StartsWith("leder-", StringComparison.Ordinal));
        municipalities.Should().Equal(new MunicipalityEntry("3417", "Åsnes kommune"));
        (await repository.LoadAlisAsync("3417", "no-such-alis")).Should().BeNull();
    }

    [Fact]
    public async Task One_base64_json_message_per_alis_and_an_audit_entry_without_names()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);

        var result = await storage.Ingest(clock).IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "cli");

        // What the Functions trigger reads: the stored text, which it base64-decodes to UTF-8 JSON and binds.
        var raw = new QueueClient(azurite.ConnectionString, storage.Names.AlisChangedQueue, new QueueClientOptions(StorageClientOptions.QueueServiceVersion));
        var stored = (await raw.PeekMessagesAsync(1)).Value[0].Body.ToString();
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(stored));
        using (var first = JsonDocument.Parse(json))
        {
            first.RootElement.EnumerateObject().Select(property => property.Name).Should().Equal("municipalityId", "alisId", "batchId");
        }

        AlisChangedMessage.Parse(json).Should().NotBeNull();
        var messages = await storage.DrainQueueAsync();
        messages.Should().BeEquivalentTo(result.AlisTouched.Select(alis => new AlisChangedMessage("3417", alis.AlisId, alis.BatchId)));

        var audit = await new AuditLog(storage.Storage, clock).ListAsync(new YearMonth(2026, 11));
        audit.Should().ContainSingle().Which.Should().Match<AuditEntry>(entry =>
            entry.ActorId == "cli" && entry.Action == "records.ingest" && entry.TargetId == "m|3417");
        var names = TestRecords.Asnes().Alis.Select(alis => alis.Name).Concat(TestRecords.Asnes().Veiledere.Select(veileder => veileder.Name));
        foreach (var name in names)
        {
            audit[0].Details.Should().NotContain(name);
        }
    }

    [Fact]
    public async Task Ingesting_the_same_file_again_leaves_the_same_state_and_enqueues_nothing()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var ingest = storage.Ingest();
        var first = await ingest.IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        var before = await storage.SnapshotAsync(storage.Names.Audit);
        (await storage.DrainQueueAsync()).Should().HaveCount(10);

        var second = await ingest.IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        second.Outcome.Should().Be(IngestOutcome.Accepted);
        second.Counts.AlisChanged.Should().Be(0);
        second.Counts.RowsWritten.Should().Be(0);
        second.AlisTouched.Select(alis => alis.BatchId).Should().Equal(first.AlisTouched.Select(alis => alis.BatchId));
        (await storage.SnapshotAsync(storage.Names.Audit)).Should().Equal(before);
        second.Counts.MessagesSent.Should().Be(0);
        (await storage.DrainQueueAsync()).Should().BeEmpty("re-sending unchanged records is a no-op");
    }

    [Fact]
    public async Task A_changed_alis_gets_a_new_version_and_the_old_rows_are_deleted()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 23);
        var ingest = storage.Ingest(clock);
        var original = TestRecords.Asnes();
        var first = await ingest.IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        var changedAlis = original.Alis[1] with { SupervisionSessions = [.. original.Alis[1].SupervisionSessions.Skip(1)] };
        var changed = original with { Alis = [original.Alis[0], changedAlis, .. original.Alis.Skip(2)] };
        clock.Advance(Duration.FromMinutes(5));

        var second = await ingest.IngestAsync([new IngestFile("asnes.json", RecordsJson.Document(changed))], "test");

        second.Counts.AlisChanged.Should().Be(1);
        second.Counts.MessagesSent.Should().Be(1);
        second.Counts.RowsDeleted.Should().Be(RowCount(original.Alis[1]));
        var oldBatch = first.AlisTouched[1].BatchId;
        var newBatch = second.AlisTouched[1].BatchId;
        newBatch.Should().NotBe(oldBatch);
        var partition = RecordKeys.AlisPartition("3417", changedAlis.Id);
        var rows = (await storage.RecordsRowsAsync()).Where(row => row.PartitionKey == partition).ToList();
        rows.Should().HaveCount(1 + RowCount(changedAlis));
        rows.Should().OnlyContain(row => row.RowKey == RecordKeys.Current || row.RowKey.StartsWith(newBatch + "|", StringComparison.Ordinal));
        var loaded = await storage.Records().LoadAlisAsync("3417", changedAlis.Id);
        loaded!.Alis.Single().SupervisionSessions.Should().HaveCount(changedAlis.SupervisionSessions.Count);
        second.AlisTouched.Where(alis => !alis.Changed).Select(alis => alis.BatchId).Should().OnlyContain(batch => batch == first.AlisTouched[0].BatchId);
    }

    [Fact]
    public async Task A_stored_alis_with_every_kind_of_record_and_odd_ids_round_trips()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var original = TestRecords.Asnes();
        var odd = original.Alis[7] with
        {
            Id = "~øalis/08?#|%\\æøå",
            SupervisionSessions = [.. original.Alis[7].SupervisionSessions.Select((session, index) => session with { Id = $"vs|{index}/x" })],
        };
        var records = original with { Alis = [odd] };

        var result = await storage.Ingest().IngestAsync([new IngestFile("odd.json", RecordsJson.Document(records))], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", result.Errors));
        var loaded = await storage.Records().LoadAlisAsync("3417", odd.Id);
        RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(records));
        (await storage.Records().ListAlisAsync("3417")).Single().AlisId.Should().Be(odd.Id);
        RecordsJson.Document((await storage.Records().LoadMunicipalityAsync("3417"))!).Should().Be(RecordsJson.Document(records));
    }

    [Fact]
    public async Task A_whole_municipality_loads_back_with_two_queries_and_only_its_own_alis()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        var neighbour = asnes with { Municipality = asnes.Municipality with { Id = "34170" }, Alis = [asnes.Alis[0]] };
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson), new IngestFile("neighbour.json", RecordsJson.Document(neighbour))], "test");

        var loaded = await storage.Records().LoadMunicipalityAsync("3417");

        RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(asnes));
        (await storage.Records().LoadMunicipalityAsync("3418")).Should().BeNull();
    }

    internal static int RowCount(AlisRecord alis) => AlisRows.Create("3417", alis).Rows.Count;
}
