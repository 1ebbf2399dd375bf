using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using Azure.Data.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Ingest;

/// <summary>An ALIS's lists stored as chunk rows: several chunks, order kept, the size limits at their boundaries.</summary>
[Collection(AzuriteIngest.Name)]
public sealed class ChunkedRecordsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Thousands_of_sessions_are_several_chunks_that_read_back_in_order_and_a_second_ingest_writes_nothing()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        var alis = asnes.Alis[0];
        var sessions = Enumerable.Range(0, 40).SelectMany(round => alis.SupervisionSessions.Select(session => session with { Id = $"{session.Id}-{round:00}" })).ToList();
        var records = asnes with { Alis = [alis with { SupervisionSessions = [.. sessions.OrderByDescending(session => session.Id, StringComparer.Ordinal)] }, asnes.Alis[1]] };
        var file = new IngestFile("many.json", RecordsJson.Document(records));

        var first = await storage.Ingest().IngestAsync([file], "test");

        first.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", first.Errors));
        var batch = first.AlisTouched[0].BatchId;
        var rows = (await storage.RecordsRowsAsync()).Where(row => row.PartitionKey == RecordKeys.AlisPartition("3417", alis.Id)).ToList();
        var sessionRows = rows.Where(row => row.GetString(RecordChunk.KindProperty) == "session").ToList();
        sessionRows.Count.Should().BeGreaterThanOrEqualTo(2);
        sessionRows.Select(row => row.RowKey).Should().Equal(Enumerable.Range(0, sessionRows.Count).Select(chunk => $"{batch}|session|{chunk:0000}"));
        sessionRows.Sum(row => row.GetInt32(RecordChunk.CountProperty)).Should().Be(sessions.Count);
        rows.Should().HaveCount(1 + IngestRoundTripTests.RowCount(records.Alis[0]));
        rows.Single(row => row.RowKey == RecordKeys.Current).GetInt32("Rows").Should().Be(rows.Count - 1);

        var loaded = await storage.Records().LoadAlisAsync("3417", alis.Id);
        RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(records with { Alis = [records.Alis[0]] }));
        RecordsJson.Document((await storage.Records().LoadMunicipalityAsync("3417"))!).Should().Be(RecordsJson.Document(records));

        var before = await storage.SnapshotAsync(storage.Names.Audit);
        var second = await storage.Ingest().IngestAsync([file], "test");
        second.Counts.RowsWritten.Should().Be(0);
        second.Counts.AlisChanged.Should().Be(0);
        (await storage.SnapshotAsync(storage.Names.Audit)).Should().Equal(before);
    }

    [Fact]
    public async Task A_record_of_exactly_the_limit_is_stored_and_one_character_more_is_rejected_before_anything_is_written()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        var atLimit = WithCourseOfLength(asnes, RecordChunks.MaxRecordLength);

        var stored = await storage.Ingest().IngestAsync([new IngestFile("limit.json", RecordsJson.Document(atLimit))], "test");

        stored.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", stored.Errors));
        var courseRows = (await storage.RecordsRowsAsync()).Where(row => row.PartitionKey == RecordKeys.AlisPartition("3417", "alis-01") && row.GetString(RecordChunk.KindProperty) == "course").ToList();
        courseRows.Select(row => row.GetInt32(RecordChunk.CountProperty)).Should().Equal(1, asnes.Alis[0].Courses.Count - 1);
        courseRows[0].GetInt32(JsonParts.PartsProperty).Should().Be(JsonParts.MaxParts);
        RecordsJson.Document((await storage.Records().LoadAlisAsync("3417", "alis-01"))!).Should().Be(RecordsJson.Document(atLimit with { Alis = [atLimit.Alis[0]] }));

        var before = await storage.SnapshotAsync();
        var overLimit = WithCourseOfLength(asnes, RecordChunks.MaxRecordLength + 1);
        var rejected = await storage.Ingest().IngestAsync([new IngestFile("over.json", RecordsJson.Document(overLimit))], "test");

        rejected.Outcome.Should().Be(IngestOutcome.Rejected);
        rejected.Errors.Should().ContainSingle().Which.Should().Match<RecordsError>(error => error.Source == "over.json" && error.Path == "alis[0].courses[0]"
            && error.RecordId == "a01-kurs-1" && error.Message == $"posten er for stor til å lagres ({RecordChunks.MaxRecordLength + 1} tegn JSON; grensen er {RecordChunks.MaxRecordLength})");
        (await storage.SnapshotAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task Rows_of_escaped_text_are_spread_over_transactions_by_their_real_size()
    {
        // Each course is its own chunk of about 280 KB by the size formula, but 840 KB of request body: 'æ' is sent as \u00E6.
        // Six of them by the formula would make one transaction of 5 MB, over its 4 MiB.
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        var alis = asnes.Alis[0];
        var courses = Enumerable.Range(0, 6).Select(index => alis.Courses[0] with { Id = $"kurs-{index}", Topic = new string('æ', 140_000) }).ToList();
        var records = asnes with { Alis = [alis with { Courses = courses }] };

        var result = await storage.Ingest().IngestAsync([new IngestFile("escaped.json", RecordsJson.Document(records))], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", result.Errors));
        RecordsJson.Document((await storage.Records().LoadAlisAsync("3417", alis.Id))!).Should().Be(RecordsJson.Document(records));
    }

    [Fact]
    public async Task Record_ids_are_in_no_key_so_a_long_one_is_stored()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        var alis = asnes.Alis[0] with { SupervisionSessions = [asnes.Alis[0].SupervisionSessions[0] with { Id = new string('x', 600) + "/|#?" }] };
        var records = asnes with { Alis = [alis] };

        var result = await storage.Ingest().IngestAsync([new IngestFile("long.json", RecordsJson.Document(records))], "test");

        result.Outcome.Should().Be(IngestOutcome.Accepted, string.Join("\n", result.Errors));
        RecordsJson.Document((await storage.Records().LoadAlisAsync("3417", alis.Id))!).Should().Be(RecordsJson.Document(records));
    }

    [Fact]
    public async Task An_alis_stored_one_row_per_record_still_loads_and_the_next_ingest_rewrites_it_as_chunks()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var asnes = TestRecords.Asnes();
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        var alis = asnes.Alis[4];
        var partition = RecordKeys.AlisPartition("3417", alis.Id);
        await WriteFirstLayoutAsync(storage, partition, alis);

        var loaded = await storage.Records().LoadAlisAsync("3417", alis.Id);
        var again = await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");

        RecordsJson.Document(loaded!).Should().Be(RecordsJson.Document(asnes with { Alis = [alis] }));
        again.Counts.AlisChanged.Should().Be(1);
        var batch = again.AlisTouched.Single(touched => touched.AlisId == alis.Id).BatchId;
        var rows = (await storage.RecordsRowsAsync()).Where(row => row.PartitionKey == partition).Select(row => row.RowKey).ToList();
        rows.Should().HaveCount(1 + IngestRoundTripTests.RowCount(alis)).And.Contain($"{batch}|session|0000").And.Contain(RecordKeys.Current);
        rows.Should().OnlyContain(key => key == RecordKeys.Current || key.StartsWith(batch + "|", StringComparison.Ordinal));
        RecordsJson.Document((await storage.Records().LoadAlisAsync("3417", alis.Id))!).Should().Be(RecordsJson.Document(asnes with { Alis = [alis] }));
    }

    private static MunicipalityRecords WithCourseOfLength(MunicipalityRecords records, int length)
    {
        var alis = records.Alis[0];
        var course = alis.Courses[0] with { Topic = string.Empty };
        // 'æ' is the costliest character as sent (\u00E6), so the row is as large as a row gets.
        course = course with { Topic = new string('æ', length - RecordsJson.Record(course).Length) };
        return records with { Alis = [alis with { Courses = [course, .. alis.Courses.Skip(1)] }] };
    }

    /// <summary>Replaces the ALIS's rows with the layout before chunking: a row per record (Kind, Index, Json), keyed by its id.</summary>
    private static async Task WriteFirstLayoutAsync(TestStorage storage, string partition, AlisRecord alis)
    {
        const string batch = "20260101T000000000Z-0000000a";
        var table = storage.Storage.Records;
        foreach (var row in await TableBatches.ReadPartitionAsync(table, partition, CancellationToken.None))
        {
            await table.DeleteEntityAsync(partition, row.RowKey);
        }

        var rows = new List<TableEntity> { Single(partition, $"{batch}|alis|{TableKeys.Escape(alis.Id)}", "alis", 0, RecordsJson.AlisFields(alis)) };
        rows.AddRange(AlisRows.ListRecords(alis).Select(record =>
            Single(partition, $"{batch}|{record.Kind.Name}|{TableKeys.Escape(record.Id)}", record.Kind.Name, record.Index, record.Json)));
        foreach (var row in rows)
        {
            await table.AddEntityAsync(row);
        }

        await table.AddEntityAsync(new TableEntity(partition, RecordKeys.Current)
        {
            ["Batch"] = batch, ["ContentHash"] = "rows-v1", ["Rows"] = rows.Count, ["AlisId"] = alis.Id, ["MunicipalityId"] = "3417",
        });
    }

    private static TableEntity Single(string partition, string rowKey, string kind, int index, string json) =>
        new(partition, rowKey) { ["Kind"] = kind, ["Index"] = index, ["Json"] = json };
}
