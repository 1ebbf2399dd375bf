using System.Text;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Ingest;

/// <summary>Bad input is rejected whole, with every problem precisely, and storage is left exactly as it was.</summary>
[Collection(AzuriteIngest.Name)]
public sealed class IngestRejectionTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string, string, string?, string> Corpus => new()
    {
        // name, JSON edit (search => replace on the sample), expected path, record id, expected message fragment
        { "malformed JSON", "\"municipality\": {=>\"municipality\": {,", string.Empty, null, "ugyldig JSON på linje 4" },
        { "impossible date", "\"date\": \"2019-02-13\", \"minutes\": 80=>\"date\": \"2026-02-30\", \"minutes\": 80", "supervisionSessions[0].date", "a08-vs-001", "2026-02-30" },
        { "negative minutes", "\"date\": \"2019-02-13\", \"minutes\": 80=>\"date\": \"2019-02-13\", \"minutes\": -30", "supervisionSessions[0].minutes", "a08-vs-001", "-30" },
        { "duplicate id", "\"id\": \"a08-vs-002\"=>\"id\": \"a08-vs-001\"", "supervisionSessions[1].id", "a08-vs-001", "id-en brukes av flere poster" },
        { "unknown veileder", "\"veilederId\": \"veileder-7\", \"from\": \"2019-02-04\"=>\"veilederId\": \"veileder-99\", \"from\": \"2019-02-04\"", "veilederAssignments[0].veilederId", "a08-vtid-1", "veileder 'veileder-99' finnes ikke" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Bad_records_are_rejected_with_a_precise_error_and_nothing_changes(string name, string edit, string path, string? recordId, string message)
    {
        var storage = await TestStorage.CreateAsync(azurite);
        await storage.Ingest().IngestAsync([new IngestFile("asnes.json", TestRecords.AsnesJson)], "test");
        await storage.DrainQueueAsync();
        var before = await storage.SnapshotAsync();
        var parts = edit.Split("=>");
        TestRecords.AsnesJson.Should().Contain(parts[0], name);
        var json = ReplaceFirst(TestRecords.AsnesJson, parts[0], parts[1]);

        var result = await storage.Ingest().IngestAsync([new IngestFile("asnes.json", json)], "test");

        result.Outcome.Should().Be(IngestOutcome.Rejected, name);
        result.Errors.Should().ContainSingle(name).Which.Should().Match<RecordsError>(error =>
            error.Source == "asnes.json" && error.Path.EndsWith(path, StringComparison.Ordinal) && error.RecordId == recordId && error.Message.Contains(message, StringComparison.Ordinal));
        (await storage.SnapshotAsync()).Should().Equal(before, name);
        (await storage.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty(name);
    }

    [Fact]
    public async Task A_payload_over_10_MB_is_refused_before_it_is_parsed()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var before = await storage.SnapshotAsync();
        var payload = Encoding.UTF8.GetBytes("{ not json at all " + new string(' ', RecordsReader.MaxFileBytes));
        var text = "[" + new string('x', RecordsReader.MaxFileBytes);

        var fromBytes = await storage.Ingest().IngestAsync("upload", payload, "test");
        var fromText = await storage.Ingest().IngestAsync([new IngestFile("big.json", text)], "test");

        foreach (var result in new[] { fromBytes, fromText })
        {
            result.Outcome.Should().Be(IngestOutcome.Rejected);
            result.Errors.Should().ContainSingle().Which.Message.Should().StartWith("filen er for stor").And.Contain("ikke lest").And.NotContain("JSON");
        }

        (await storage.SnapshotAsync()).Should().Equal(before);
        (await storage.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task One_bad_file_rejects_the_whole_batch_and_every_problem_of_every_file_is_listed()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var bad = ReplaceFirst(ReplaceFirst(TestRecords.AsnesJson, "\"2019-02-13\", \"minutes\": 80", "\"2019-02-13\", \"minutes\": -30"), "\"id\": \"3417\"", "\"id\": \"3418\"");
        bad = ReplaceFirst(bad, "\"date\": \"2019-03-27\"", "\"date\": \"2019-13-27\"");

        var result = await storage.Ingest().IngestAsync([new IngestFile("good.json", TestRecords.AsnesJson), new IngestFile("bad.json", bad), new IngestFile("empty.json", "")], "test");

        result.Outcome.Should().Be(IngestOutcome.Rejected);
        result.Errors.Select(error => error.Source).Should().Equal("bad.json", "bad.json", "empty.json");
        result.Errors.Select(error => error.RecordId).Should().Equal("a08-vs-001", "a08-vs-002", null);
        (await storage.SnapshotAsync()).Should().BeEmpty();
        (await storage.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_municipality_in_two_files_and_ids_too_long_for_a_key_are_rejected()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var longId = new string('x', 600);
        var tooLong = ReplaceFirst(ReplaceFirst(TestRecords.AsnesJson, "\"id\": \"alis-08\"", $"\"id\": \"{longId}\""), "\"id\": \"3417\"", "\"id\": \"3418\"");

        var result = await storage.Ingest().IngestAsync(
            [new IngestFile("a.json", TestRecords.AsnesJson), new IngestFile("b.json", TestRecords.AsnesJson), new IngestFile("long.json", tooLong)], "test");

        result.Outcome.Should().Be(IngestOutcome.Rejected);
        result.Errors.Should().HaveCount(2);
        result.Errors[0].Message.Should().Contain("kommunen finnes i flere filer").And.Contain("a.json, b.json");
        result.Errors[1].Should().Match<RecordsError>(error => error.Source == "long.json" && error.Path == "alis[7].id" && error.RecordId == longId && error.Message.StartsWith("id-en er for lang til å lagres", StringComparison.Ordinal));
        (await storage.SnapshotAsync()).Should().BeEmpty();
    }

    private static string ReplaceFirst(string text, string search, string replacement)
    {
        var index = text.IndexOf(search, StringComparison.Ordinal);
        return index < 0 ? throw new ArgumentException($"'{search}' is not in the text.", nameof(search)) : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + search.Length));
    }
}
