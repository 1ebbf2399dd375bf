using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Repositories;

/// <summary>The writer produces the records format: what it writes, the reader reads back to the same records.</summary>
public sealed class RecordsJsonTests
{
    [Fact]
    public void The_sample_written_and_read_again_is_the_same_records()
    {
        var records = TestRecords.Asnes();

        var read = TestRecords.Reader.Read("written.json", RecordsJson.Document(records));

        read.Errors.Should().BeEmpty();
        read.Records.Should().BeEquivalentTo(records, options => options.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void The_content_hash_changes_with_any_record_and_only_then()
    {
        var alis = TestRecords.Asnes().Alis[0];
        var same = AlisRows.Create("3417", alis with { SupervisionSessions = [.. alis.SupervisionSessions] });
        var changed = AlisRows.Create("3417", alis with { SupervisionSessions = [.. alis.SupervisionSessions.Select((session, index) => index == 3 ? session with { ReferatFinalised = !session.ReferatFinalised } : session)] });

        AlisRows.Create("3417", alis).ContentHash.Should().Be(same.ContentHash);
        changed.ContentHash.Should().NotBe(same.ContentHash);
        same.Rows.Select(row => row.Kind.Name).Should().Equal("alis", "period", "assignment", "session", "group", "goal", "course", "procedure", "consultation", "review");
    }
}
