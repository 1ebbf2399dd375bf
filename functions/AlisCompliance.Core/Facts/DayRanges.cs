using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>Arithmetic on inclusive date ranges, counted in whole days.</summary>
internal static class DayRanges
{
    /// <summary>Days in [from, to], both inclusive; zero when the range is empty.</summary>
    public static int Days(LocalDate from, LocalDate to) =>
        to < from ? 0 : Period.DaysBetween(from, to) + 1;

    public static int OverlapDays(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2)
    {
        var from = from1 > from2 ? from1 : from2;
        var to = to1 < to2 ? to1 : to2;
        return Days(from, to);
    }

    /// <summary>Merges overlapping or touching ranges so a day is never counted twice.</summary>
    public static IReadOnlyList<DateInterval> Merge(IEnumerable<DateInterval> ranges)
    {
        var merged = new List<DateInterval>();
        foreach (var range in ranges.OrderBy(range => range.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End.PlusDays(1))
            {
                var last = merged[^1];
                merged[^1] = new DateInterval(last.Start, range.End > last.End ? range.End : last.End);
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>Days of [from, to] covered by the given merged ranges.</summary>
    public static int CoveredDays(IReadOnlyList<DateInterval> merged, LocalDate from, LocalDate to)
    {
        var days = 0;
        foreach (var range in merged)
        {
            if (range.Start > to)
            {
                break;
            }

            days += OverlapDays(range.Start, range.End, from, to);
        }

        return days;
    }
}
