using AlisCompliance.Storage.Tables;
using FsCheck;
using FsCheck.Xunit;

namespace AlisCompliance.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Interpolated_values_become_typed_literals()
    {
        var municipality = "O'Brien";
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableFilter.Create(
            $"PartitionKey eq {municipality} and When ge {from} and Id eq {id} and Hours gt {10L} and N lt {3} and D le {2.0} and F eq {true} and B eq {new byte[] { 10, 11 }}");

        filter.Should().Be(
            "PartitionKey eq 'O''Brien' and When ge datetime'2026-01-01T00:00:00.0000000Z' and Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'"
            + " and Hours gt 10L and N lt 3 and D le 2.0 and F eq true and B eq X'0a0b'");
    }

    [Fact]
    public void An_injection_attempt_stays_inside_the_literal()
    {
        var hostile = "x' or PartitionKey ne '";

        TableFilter.Create($"PartitionKey eq {hostile}").Should().Be("PartitionKey eq 'x'' or PartitionKey ne '''");
    }

    [Fact]
    public void And_and_Or_parenthesise_each_condition()
    {
        TableFilter.And(TableFilter.PartitionKeyEquals("a"), "RowKey gt 'b'").Should().Be("(PartitionKey eq 'a') and (RowKey gt 'b')");
        TableFilter.Or("A eq 1").Should().Be("A eq 1");
    }

    [Property]
    public bool Quoting_doubles_every_single_quote_and_can_be_undone(NonNull<string> text)
    {
        var quoted = TableFilter.Quote(text.Get);
        var inner = quoted[1..^1];
        return quoted[0] == '\'' && quoted[^1] == '\''
            && string.Equals(inner.Replace("''", "'", StringComparison.Ordinal), text.Get, StringComparison.Ordinal)
            && inner.Replace("''", string.Empty, StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0;
    }

    [Fact]
    public void Null_and_unsupported_values_are_refused()
    {
        var withNull = () => TableFilter.Literal(null);
        var withDecimal = () => TableFilter.Literal(1.5m);
        var withNaN = () => TableFilter.Literal(double.NaN);

        withNull.Should().Throw<ArgumentNullException>();
        withDecimal.Should().Throw<ArgumentException>();
        withNaN.Should().Throw<ArgumentException>();
    }
}
