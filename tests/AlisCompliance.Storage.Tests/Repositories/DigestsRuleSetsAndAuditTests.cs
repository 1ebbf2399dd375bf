using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Repositories;

[Collection(AzuriteRepositories.Name)]
public sealed class DigestsRuleSetsAndAuditTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(2026, 11, 23, "2026-W48")]
    [InlineData(2026, 12, 31, "2026-W53")]
    [InlineData(2027, 1, 3, "2026-W53")]
    [InlineData(2027, 1, 4, "2027-W01")]
    [InlineData(2024, 12, 30, "2025-W01")]
    public void Digest_rows_are_keyed_by_iso_week(int year, int month, int day, string key) =>
        DigestsRepository.WeekKey(new LocalDate(year, month, day)).Should().Be(key);

    [Fact]
    public async Task A_digest_is_recorded_once_per_iso_week()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var digests = new DigestsRepository(storage.Storage);
        var sentAt = Instant.FromUtc(2026, 11, 23, 6, 0);

        var monday = await digests.TryRecordAsync("3417", new LocalDate(2026, 11, 23), sentAt, "{\"open\":3}");
        var sunday = await digests.TryRecordAsync("3417", new LocalDate(2026, 11, 29), sentAt + Duration.FromDays(6));
        var nextWeek = await digests.TryRecordAsync("3417", new LocalDate(2026, 11, 30), sentAt + Duration.FromDays(7));
        var otherMunicipality = await digests.TryRecordAsync("0301", new LocalDate(2026, 11, 24), sentAt);

        (monday, sunday, nextWeek, otherMunicipality).Should().Be((true, false, true, true));
        (await digests.GetSentAtAsync("3417", new LocalDate(2026, 11, 25))).Should().Be(sentAt);
    }

    [Fact]
    public async Task Every_publication_is_its_own_row_and_the_one_in_force_follows_the_effective_date()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var ruleSets = new RuleSetRepository(storage.Storage);
        var big = new RuleSource("workflows/big.json", "[" + string.Join(',', Enumerable.Repeat("\"Æøå regel\"", 9_000)) + "]");
        RuleSource[] files = [new("workflows/a.json", "{}"), big, new("catalog/goals.json", "{\"goals\":[]}")];
        var v1 = new RuleSetPublication("20251201T1000000000000Z-aaaaaaaa", "aaaa11112222", new LocalDate(2026, 1, 1), "kontor-1", Instant.FromUtc(2025, 12, 1, 10, 0), "første");
        var v2 = v1 with { Id = "20261101T1000000000000Z-bbbbbbbb", ContentHash = "bbbb33334444", EffectiveFrom = new LocalDate(2027, 1, 1), PublishedAt = Instant.FromUtc(2026, 11, 1, 10, 0), Note = "ny frist" };
        var undo = v1 with { Id = "20261102T1000000000000Z-cccccccc", EffectiveFrom = new LocalDate(2027, 1, 1), PublishedAt = Instant.FromUtc(2026, 11, 2, 10, 0), Note = "angre" };

        await ruleSets.PublishAsync(v1, files);
        await ruleSets.PublishAsync(v2, [new RuleSource("workflows/b.json", "{}")]);
        await ruleSets.PublishAsync(undo, files);

        (await ruleSets.ListAsync()).Should().Equal(v1, v2, undo);
        (await ruleSets.GetInForceAsync(new LocalDate(2026, 11, 23)))!.Id.Should().Be(v1.Id);
        (await ruleSets.GetInForceAsync(new LocalDate(2027, 1, 1)))!.Id.Should().Be(undo.Id, "on the same effective date the later publication wins");
        (await ruleSets.GetInForceAsync(new LocalDate(2025, 6, 1))).Should().BeNull();
        (await ruleSets.GetFilesAsync("aaaa11112222")).Should().BeEquivalentTo(files);
        (await ruleSets.GetFilesAsync("cccc55556666")).Should().BeNull();
        var contentRows = await storage.Storage.RuleSets.QueryAsync<Azure.Data.Tables.TableEntity>(row => row.PartitionKey == "content-aaaa11112222").ToListAsync();
        contentRows.Should().HaveCount(files.Length + 1, "the same content published twice is stored once");
    }

    [Fact]
    public async Task The_audit_log_lists_a_month_newest_first()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var clock = ManualClock.At(2026, 11, 30, 23);
        var audit = new AuditLog(storage.Storage, clock);

        await audit.WriteAsync("cli", "records.ingest", "m|3417", "{\"batchId\":\"b1\"}");
        clock.Advance(Duration.FromMinutes(30));
        await audit.WriteAsync("kontor-1", "rules.publish", "rulesets|v2");
        clock.Advance(Duration.FromMinutes(45));
        await audit.WriteAsync("cli", "supervision.import", "m|3417");

        (await audit.ListAsync(new YearMonth(2026, 11))).Select(entry => entry.Action).Should().Equal("rules.publish", "records.ingest");
        (await audit.ListAsync(new YearMonth(2026, 12))).Should().ContainSingle().Which.At.Should().Be(Instant.FromUtc(2026, 12, 1, 0, 15));
    }
}
