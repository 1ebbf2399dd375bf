using AlisCompliance.Core.Catalog;
using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>
/// Full-time-equivalent service time (§ 31: part time extends the training pro rata; leave pauses it).
/// Time is counted in calendar months, so six months at a hospital are half a year whichever six months they are,
/// and five calendar years full time are exactly five years.
/// </summary>
internal sealed class ServiceTime(LocalDate trainingStart, IReadOnlyList<ServicePeriodFacts> periods, IReadOnlyList<DateInterval> mergedLeave)
{
    /// <summary>The furthest date a projection looks: no real plan runs longer.</summary>
    public LocalDate Horizon { get; } = trainingStart.PlusYears(40);

    /// <summary>FTE years up to and including <paramref name="until"/> in periods of the category at ≥ minimumPercent.</summary>
    public double Years(string categoryCode, LocalDate until, int minimumPercent)
    {
        var fteMonths = 0.0;
        foreach (var period in periods)
        {
            if (period.PositionPercent < minimumPercent || !CategoryCodes.Matches(categoryCode, period.Category))
            {
                continue;
            }

            var from = period.From < trainingStart ? trainingStart : period.From;
            var end = period.To ?? Horizon;
            var to = end < until ? end : until;
            var months = CalendarMonths.Between(from, to) - LeaveMonths(from, to);
            fteMonths += months * period.PositionPercent / 100.0;
        }

        return fteMonths / 12.0;
    }

    /// <summary>
    /// Service that counts toward the total: general practice up to <paramref name="maxGeneralPracticeYears"/>,
    /// of which other general practice up to <paramref name="maxOtherGeneralPracticeYears"/>, plus institution service.
    /// </summary>
    public double CountableYears(LocalDate until, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears)
    {
        var open = Years(CategoryCodes.OpenGeneralPractice, until, 0);
        var other = Math.Min(Years(CategoryCodes.OtherGeneralPractice, until, 0), maxOtherGeneralPracticeYears);
        var institution = Years(CategoryCodes.Institution, until, 0);
        return Math.Min(open + other, maxGeneralPracticeYears) + institution;
    }

    /// <summary>The first date on which countable service reaches <paramref name="years"/>; null if the plan never does.</summary>
    public LocalDate? DateReaching(double years, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears)
    {
        var last = LastPlannedDay();
        if (last is null || CountableYears(last.Value, maxGeneralPracticeYears, maxOtherGeneralPracticeYears) < years)
        {
            return null;
        }

        // Countable years only grow with the date, so the first date reaching the target is found by bisection.
        var low = trainingStart;
        var high = last.Value;
        while (low < high)
        {
            var middle = low.PlusDays(Period.DaysBetween(low, high) / 2);
            if (CountableYears(middle, maxGeneralPracticeYears, maxOtherGeneralPracticeYears) >= years)
            {
                high = middle;
            }
            else
            {
                low = middle.PlusDays(1);
            }
        }

        return low;
    }

    /// <summary>The last planned service day, the horizon if a period runs until further notice, null without periods.</summary>
    public LocalDate? LastPlannedDay()
    {
        if (periods.Count == 0)
        {
            return null;
        }

        return periods.Any(period => period.To is null) ? Horizon : periods.Max(period => period.To!.Value);
    }

    private double LeaveMonths(LocalDate from, LocalDate to)
    {
        var months = 0.0;
        foreach (var leave in mergedLeave)
        {
            if (leave.Start > to)
            {
                break;
            }

            var start = leave.Start > from ? leave.Start : from;
            var end = leave.End < to ? leave.End : to;
            months += CalendarMonths.Between(start, end);
        }

        return months;
    }

    public static ArenaCategory CategoryOf(TrainingCatalog catalog, string arenaType) =>
        catalog.ArenaTypes.TryGetValue(arenaType, out var type) ? type.Category : ArenaCategory.OtherGeneralPractice;
}
