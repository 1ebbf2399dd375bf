using AlisCompliance.Storage.Repositories;
using FsCheck;
using FsCheck.Xunit;

namespace AlisCompliance.Storage.Tests.Repositories;

public sealed class TableKeysTests
{
    [Property]
    public bool Escaping_round_trips_and_leaves_no_forbidden_character(NonNull<string> id)
    {
        var escaped = TableKeys.Escape(id.Get);
        return TableKeys.Unescape(escaped) == id.Get
            && !escaped.Any(character => character is '|' or '/' or '\\' or '#' or '?' or < ' ' or (>= '\u007F' and <= '\u009F'));
    }

    [Fact]
    public void Keys_keep_prefixes_exact_whatever_the_ids_hold()
    {
        RecordKeys.AlisPartition("34|17", "a/b").Should().Be("a|34%7C17|a%2Fb");
        RecordKeys.AlisPartition("3417", "alis-01").Should().StartWith("a|3417|");
        RecordKeys.AlisPartition("3417|x", "y").Should().NotStartWith("a|3417|");
        RecordKeys.ChunkRow("20261123T000000000Z-0a0b0c0d", RecordKind.Session, 12).Should().Be("20261123T000000000Z-0a0b0c0d|session|0012");
        RecordKeys.ChunkRow("b1", RecordKind.Alis, 0).Should().Be("b1|alis|0000");
        RecordKeys.BatchOf("b1|session|0000").Should().Be("b1");
        RecordKeys.BatchOf(RecordKeys.Current).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("current")]
    [InlineData("a|b")]
    [InlineData("has space")]
    public void Batch_ids_are_plain(string batchId) =>
        FluentActions.Invoking(() => BatchIds.Validate(batchId)).Should().Throw<ArgumentException>();
}
