using Azure.Data.Tables;

namespace AlisCompliance.Storage.Tests.Guards;

public sealed class TableKeyAndLimitTests
{
    [Theory]
    [InlineData("a/b", '/')]
    [InlineData("a\\b", '\\')]
    [InlineData("a#b", '#')]
    [InlineData("a?b", '?')]
    [InlineData("a\u0000b", '\u0000')]
    [InlineData("a\u001Fb", '\u001F')]
    [InlineData("a\u007Fb", '\u007F')]
    [InlineData("a\u009Fb", '\u009F')]
    public void Forbidden_characters_name_the_key_the_character_and_its_position(string key, char forbidden)
    {
        var validatePartition = () => TableKeyValidator.Validate(key, "PartitionKey");
        var validateRow = () => TableKeyValidator.Validate(key, "RowKey");

        validatePartition.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "PartitionKey")
            .Which.Message.Should().Contain("The PartitionKey contains").And.Contain($"U+{(int)forbidden:X4}").And.Contain("position 1");
        validateRow.Should().Throw<ArgumentException>().Which.Message.Should().Contain("The RowKey contains");
    }

    [Theory]
    [InlineData("")]
    [InlineData("oslo")]
    [InlineData("O'Brien æøå 2026-01-01 (x)")]
    [InlineData("\u00A0nbsp-is-fine")]
    public void Ordinary_keys_pass(string key)
    {
        var validate = () => TableKeyValidator.Validate(key, "RowKey");

        validate.Should().NotThrow();
    }

    [Fact]
    public void A_key_over_1_KiB_is_rejected()
    {
        TableKeyValidator.Validate(new string('k', 512), "RowKey");

        var validate = () => TableKeyValidator.Validate(new string('k', 513), "RowKey");

        validate.Should().Throw<ArgumentException>().WithMessage("The RowKey has 513 characters*1 KiB*");
    }

    [Fact]
    public void A_string_over_64_KiB_is_rejected_with_the_property_name()
    {
        var fits = new TableEntity("p", "r") { ["Notes"] = new string('x', 32 * 1024) };
        TableEntityLimits.ValidateForWrite(fits);

        var tooLong = new TableEntity("p", "r") { ["Notes"] = new string('x', (32 * 1024) + 1) };
        var validate = () => TableEntityLimits.ValidateForWrite(tooLong);

        validate.Should().Throw<ArgumentException>().WithMessage("String property 'Notes' has 32769 characters*64 KiB*");
    }

    [Fact]
    public void A_binary_over_64_KiB_is_rejected()
    {
        var entity = new TableEntity("p", "r") { ["Blob"] = new byte[(64 * 1024) + 1] };

        var validate = () => TableEntityLimits.ValidateForWrite(entity);

        validate.Should().Throw<ArgumentException>().WithMessage("Binary property 'Blob'*");
    }

    [Fact]
    public void An_entity_over_1_MiB_is_rejected()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity[$"Part{i}"] = new string('x', 30_000);
        }

        var validate = () => TableEntityLimits.ValidateForWrite(entity);

        validate.Should().Throw<ArgumentException>().WithMessage("The entity is about * bytes; an Azure Table entity may be at most 1 MiB*");
    }

    [Fact]
    public void Too_many_properties_are_rejected()
    {
        var entity = new TableEntity("p", "r");
        foreach (var i in Enumerable.Range(0, 253))
        {
            entity[$"P{i}"] = i;
        }

        var validate = () => TableEntityLimits.ValidateForWrite(entity);

        validate.Should().Throw<ArgumentException>().WithMessage("The entity has 253 properties*252*");
    }

    [Fact]
    public void Dates_before_1601_are_rejected()
    {
        var entity = new TableEntity("p", "r") { ["When"] = new DateTimeOffset(1600, 12, 31, 0, 0, 0, TimeSpan.Zero) };

        var validate = () => TableEntityLimits.ValidateForWrite(entity);

        validate.Should().Throw<ArgumentException>().WithMessage("*'When'*1601*");
    }
}
