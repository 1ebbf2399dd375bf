using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Core.Tests.Compliance;

public class NorwegianFormatTests
{
    private const char Space = NorwegianFormat.ThousandsSeparator;

    [Theory]
    [InlineData(0, "0")]
    [InlineData(365, "365")]
    [InlineData(2026, "2026")]
    [InlineData(13475, "13 475")]
    [InlineData(1250000, "1 250 000")]
    [InlineData(-13475, "-13 475")]
    public void Whole_numbers_are_grouped_in_thousands_from_five_digits(long value, string expected)
    {
        NorwegianFormat.WholeNumber(value).Should().Be(expected.Replace(' ', Space));
    }

    [Theory]
    [InlineData(41.9, "41,9")]
    [InlineData(13475.5, "13 475,5")]
    [InlineData(1.754, "1,75")]
    public void Numbers_have_decimal_comma_and_the_same_grouping(double value, string expected)
    {
        NorwegianFormat.Number(value).Should().Be(expected.Replace(' ', Space));
    }

    [Fact]
    public void Rule_values_use_the_grouping_so_messages_read_13_475_dager()
    {
        NorwegianFormat.Value(13475).Should().Be($"13{Space}475");
        NorwegianFormat.Value(13475L).Should().Be($"13{Space}475");
    }

    [Theory]
    [InlineData(10_485_760, "10,5 MB")]
    [InlineData(12_400_000, "12,4 MB")]
    public void Sizes_are_in_megabytes(long bytes, string expected)
    {
        NorwegianFormat.Megabytes(bytes).Should().Be(expected);
    }
}
