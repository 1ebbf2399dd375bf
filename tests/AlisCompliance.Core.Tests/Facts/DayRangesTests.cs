using AlisCompliance.Core.Facts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace AlisCompliance.Core.Tests.Facts;

public class DayRangesTests
{
    private static readonly LocalDate Origin = new(2024, 1, 1);

    [Fact]
    public void Days_counts_both_ends_and_is_zero_for_an_empty_range()
    {
        DayRanges.Days(new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 29)).Should().Be(29);
        DayRanges.Days(new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 1)).Should().Be(1);
        DayRanges.Days(new LocalDate(2024, 2, 2), new LocalDate(2024, 2, 1)).Should().Be(0);
    }

    [Property(MaxTest = 300)]
    public bool Merge_covers_exactly_the_days_of_its_input_and_never_overlaps(int[] starts, int[] lengths)
    {
        var ranges = starts.Zip(lengths, (start, length) =>
        {
            var from = Origin.PlusDays(Math.Abs(start % 400));
            return new DateInterval(from, from.PlusDays(Math.Abs(length % 60)));
        }).ToList();

        var merged = DayRanges.Merge(ranges);

        var expectedDays = ranges.SelectMany(range => range).ToHashSet();
        var mergedDays = merged.SelectMany(range => range).ToList();
        var disjointAndSeparated = merged.Zip(merged.Skip(1), (first, second) => first.End.PlusDays(1) < second.Start).All(ok => ok);
        return mergedDays.Count == expectedDays.Count && mergedDays.ToHashSet().SetEquals(expectedDays) && disjointAndSeparated;
    }

    [Property(MaxTest = 300)]
    public bool CoveredDays_equals_counting_day_by_day(int[] starts, int from, int length)
    {
        var ranges = DayRanges.Merge(starts.Select(start =>
        {
            var day = Origin.PlusDays(Math.Abs(start % 200));
            return new DateInterval(day, day.PlusDays(Math.Abs(start % 17)));
        }));
        var windowFrom = Origin.PlusDays(Math.Abs(from % 200));
        var windowTo = windowFrom.PlusDays(Math.Abs(length % 100));

        var counted = 0;
        for (var day = windowFrom; day <= windowTo; day = day.PlusDays(1))
        {
            counted += ranges.Any(range => range.Contains(day)) ? 1 : 0;
        }

        return DayRanges.CoveredDays(ranges, windowFrom, windowTo) == counted;
    }
}
