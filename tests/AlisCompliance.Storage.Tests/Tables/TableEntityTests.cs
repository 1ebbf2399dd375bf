using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void With_returns_a_changed_copy_and_leaves_the_original_alone()
    {
        var original = new TableEntity("oslo", "alis-1");

        var changed = original.With("Hours", 12L).With("Name", "x");

        original.Properties.Should().BeEmpty();
        changed.GetInt64("Hours").Should().Be(12);
        changed.Without("Name").Properties.Keys.Should().Equal("Hours");
    }

    [Fact]
    public void Byte_arrays_are_copied_so_later_changes_do_not_leak_in()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var entity = new TableEntity("p", "r").With("Blob", bytes);

        bytes[0] = 99;

        entity.GetBinary("Blob")!.ToArray().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Equality_compares_property_values_including_binary()
    {
        var left = new TableEntity("p", "r").With("A", 1).With("B", new byte[] { 1, 2 });
        var right = new TableEntity("p", "r").With("B", new byte[] { 1, 2 }).With("A", 1);

        left.Should().Be(right);
        left.With("A", 2).Should().NotBe(right);
    }

    [Fact]
    public void Typed_getters_return_null_when_absent_and_widen_int()
    {
        var entity = new TableEntity("p", "r").With("Count", 5);

        entity.GetString("Missing").Should().BeNull();
        entity.GetInt64("Count").Should().Be(5L);
        entity.GetDouble("Count").Should().Be(5.0);
    }

    [Fact]
    public void A_getter_of_the_wrong_type_says_which_property_and_what_it_is()
    {
        var entity = new TableEntity("p", "r").With("Count", 5);

        var read = () => entity.GetGuid("Count");

        read.Should().Throw<InvalidOperationException>().WithMessage("*'Count'*Int32*Guid*");
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("rowkey")]
    [InlineData("Timestamp")]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("odata.etag")]
    [InlineData("a@odata.type")]
    public void Invalid_property_names_are_rejected(string name)
    {
        var set = () => new TableEntity("p", "r").With(name, "x");

        set.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Unsupported_values_are_rejected_with_the_property_name()
    {
        var entity = new TableEntity("p", "r");

        entity.Invoking(e => e.With("Price", 1.5m)).Should().Throw<ArgumentException>().WithMessage("*'Price'*Decimal*");
        entity.Invoking(e => e.With("When", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local))).Should().Throw<ArgumentException>().WithMessage("*not UTC*");
        entity.Invoking(e => e.With("Nothing", null!)).Should().Throw<ArgumentNullException>().WithMessage("*leave the property out*");
    }

    [Fact]
    public void A_UTC_DateTime_becomes_a_DateTimeOffset()
    {
        var entity = new TableEntity("p", "r").With("When", new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc));

        entity.GetDateTimeOffset("When").Should().Be(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    }
}
