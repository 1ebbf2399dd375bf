using System.Text.Json;
using AlisCompliance.Storage.Repositories;
using Azure.Data.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Repositories;

/// <summary>A list's records packed into chunk rows: order kept, every row within the service's limits, boundaries exact.</summary>
public sealed class RecordChunksTests
{
    private const string Batch = "20261123T000000000Z-0a0b0c0d";

    [Fact]
    public void Many_records_fill_several_chunks_in_list_order_each_within_the_budget()
    {
        var records = Enumerable.Range(0, 5_000).Select(index => Record(index, 30 + (index % 97))).ToList();

        var chunks = RecordChunks.Create(RecordKind.Session, records);

        chunks.Should().HaveCountGreaterThan(1);
        chunks.Select(chunk => chunk.Chunk).Should().Equal(Enumerable.Range(0, chunks.Count));
        chunks.Should().OnlyContain(chunk => chunk.Kind == RecordKind.Session && chunk.Json.Length <= JsonParts.MaxLength);
        chunks.Sum(chunk => chunk.Count).Should().Be(records.Count);
        Elements(chunks).Should().Equal(records.Select(record => record.Json));
        for (var index = 0; index + 1 < chunks.Count; index++)
        {
            var next = records[chunks.Take(index + 1).Sum(chunk => chunk.Count)];
            (chunks[index].Json.Length + 1 + next.Json.Length).Should().BeGreaterThan(JsonParts.MaxLength, "a chunk is only closed when the next record does not fit");
        }
    }

    [Fact]
    public void Records_that_exactly_fill_a_chunk_share_it_and_one_more_character_starts_the_next()
    {
        // "[" + a + "," + b + "]" is exactly the budget.
        var first = Record(0, 60_000);
        var second = Padded("r1", JsonParts.MaxLength - 3 - first.Json.Length);

        RecordChunks.Create(RecordKind.Goal, [first, second]).Should().ContainSingle().Which.Json.Length.Should().Be(JsonParts.MaxLength);
        var split = RecordChunks.Create(RecordKind.Goal, [first, Padded("r1", second.Json.Length + 1)]);
        split.Select(chunk => chunk.Count).Should().Equal(1, 1);
    }

    [Fact]
    public void A_record_of_exactly_the_limit_fills_one_row_within_every_service_limit()
    {
        var record = Padded("big", RecordChunks.MaxRecordLength, filler: 'æ');

        var chunk = RecordChunks.Create(RecordKind.Course, [record]).Should().ContainSingle().Subject;
        var entity = chunk.ToEntity(RecordKeys.AlisPartition("3417", new string('a', 400)), Batch);

        chunk.Json.Length.Should().Be(JsonParts.MaxLength);
        entity.GetInt32(JsonParts.PartsProperty).Should().Be(JsonParts.MaxParts);
        TableEntityProperties.Custom(entity).Count().Should().BeLessThanOrEqualTo(TableEntityLimits.MaxCustomProperties);
        FluentActions.Invoking(() => TableEntityLimits.ValidateForWrite(entity)).Should().NotThrow();
        TableEntityLimits.EstimateJsonBytes(entity).Should().BeLessThan(TableEntityLimits.MaxEntitySize, "Azurite measures the JSON as sent, where each 'æ' is \\u00E6");
        JsonParts.Join(entity).Should().Be(chunk.Json);
    }

    [Fact]
    public void A_record_over_the_limit_is_refused_with_its_id()
    {
        var create = () => RecordChunks.Create(RecordKind.Course, [Record(0, 10), Padded("too-big", RecordChunks.MaxRecordLength + 1)]);

        create.Should().Throw<ArgumentException>().WithMessage($"*too-big*course*{RecordChunks.MaxRecordLength + 1} characters*at most {RecordChunks.MaxRecordLength}*");
    }

    [Fact]
    public void Parts_never_cut_a_surrogate_pair_and_join_back_to_the_text()
    {
        var text = new string('x', JsonParts.MaxPartLength - 1) + "😀" + string.Concat(Enumerable.Repeat("😀", (JsonParts.MaxLength / 2) - JsonParts.MaxPartLength));

        var parts = JsonParts.Split(text);
        var entity = TableEntityProperties.Create("p", "r", parts);

        parts[0].Should().Be(new KeyValuePair<string, object>(JsonParts.PartsProperty, parts.Count - 1));
        (parts.Count - 1).Should().BeLessThanOrEqualTo(JsonParts.MaxParts);
        parts.Skip(1).Select(part => (string)part.Value).Should().OnlyContain(part =>
            part.Length <= JsonParts.MaxPartLength && !char.IsHighSurrogate(part[part.Length - 1]) && !char.IsLowSurrogate(part[0]));
        ((string)parts[1].Value).Length.Should().Be(JsonParts.MaxPartLength - 1, "the pair straddling the boundary moves to the next part");
        JsonParts.Join(entity).Should().Be(text);
        FluentActions.Invoking(() => JsonParts.Split(new string('x', JsonParts.MaxLength + 1))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_text_of_the_longest_length_with_a_pair_at_every_cut_still_fits_the_parts()
    {
        var text = new string('x', JsonParts.MaxLength).ToCharArray();
        for (var part = 1; part < JsonParts.MaxParts; part++)
        {
            text[part * (JsonParts.MaxPartLength - 1)] = '\uD83D';
            text[(part * (JsonParts.MaxPartLength - 1)) + 1] = '\uDE00';
        }

        var parts = JsonParts.Split(new string(text));

        parts[0].Value.Should().Be(JsonParts.MaxParts);
        parts.Skip(1).Should().OnlyContain(part => ((string)part.Value).Length == JsonParts.MaxPartLength - 1);
    }

    [Fact]
    public void An_alis_is_its_own_row_and_one_chunk_per_kind_with_chunk_keys()
    {
        var alis = TestRecords.Asnes().Alis[3];

        var rows = AlisRows.Create("3417", alis);
        var keys = rows.Rows.Select(row => row.ToEntity(rows.PartitionKey, Batch).RowKey);

        keys.Should().Equal(
            $"{Batch}|alis|0000", $"{Batch}|period|0000", $"{Batch}|leave|0000", $"{Batch}|assignment|0000", $"{Batch}|session|0000", $"{Batch}|group|0000",
            $"{Batch}|course|0000", $"{Batch}|procedure|0000", $"{Batch}|consultation|0000", $"{Batch}|review|0000");
        rows.Rows.Single(row => row.Kind == RecordKind.Session).Count.Should().Be(alis.SupervisionSessions.Count);
        rows.Rows[0].Json.Should().Be(RecordsJson.AlisFields(alis));
    }

    private static List<string> Elements(IEnumerable<RecordChunk> chunks) => [.. chunks.SelectMany(chunk =>
    {
        using var document = JsonDocument.Parse(chunk.Json);
        return document.RootElement.EnumerateArray().Select(element => element.GetRawText()).ToList();
    })];

    private static ListRecord Record(int index, int padding) => Padded($"r{index}", padding + 20);

    /// <summary>A record whose JSON is exactly <paramref name="length"/> characters.</summary>
    private static ListRecord Padded(string id, int length, char filler = 'x')
    {
        var empty = $"{{\"id\":\"{id}\",\"pad\":\"\"}}";
        return new ListRecord(RecordKind.Session, id, 0, empty.Insert(empty.Length - 2, new string(filler, length - empty.Length)));
    }
}
