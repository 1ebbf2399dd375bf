using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Core.Tests.Compliance;

public class TextsTests
{
    [Fact]
    public void A_count_of_one_takes_the_singular_and_every_other_count_the_plural()
    {
        Texts.Count(1, "dag", "dager").Should().Be("1 dag");
        Texts.Count(2, "dag", "dager").Should().Be("2 dager");
        Texts.Count(0, "dag", "dager").Should().Be("0 dager");
        Texts.Count(-1, "dag", "dager").Should().Be("-1 dager");
        Texts.Count(13_475, "dag", "dager").Should().Be($"13{NorwegianFormat.ThousandsSeparator}475 dager");
    }

    [Fact]
    public void Amounts_are_singular_only_when_they_read_as_exactly_one()
    {
        Texts.Count(1.0, "time", "timer").Should().Be("1 time");
        Texts.Count(1.001, "time", "timer").Should().Be("1 time", "it reads as 1 after rounding to two decimals");
        Texts.Count(1.5, "time", "timer").Should().Be("1,5 timer");
        Texts.Count(0.5m, "måned", "måneder").Should().Be("0,5 måneder");
    }

    [Fact]
    public void A_missing_count_is_a_dash_with_the_plural()
    {
        Texts.Count((long?)null, "dag", "dager").Should().Be("– dager");
        Texts.Count((double?)null, "time", "timer").Should().Be("– timer");
        Texts.Count((int?)1, "dag", "dager").Should().Be("1 dag");
    }
}
