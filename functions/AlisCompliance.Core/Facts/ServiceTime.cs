using AlisCompliance.Core.Catalog;
using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>
/// Full-time-equivalent service time (§ 31: part time extends the training pro rata; leave pauses it).
/// Time is counted in calendar months, so six months at a hospital are half a year whichever six months they are,
/// and five calendar years full time are exactly five years. Periods side by side count at most full time together:
/// working 120 % does not shorten the training.
/// </summary>
internal sealed class ServiceTime
{
    private const int FullTime = 100;

    private readonly LocalDate trainingStart;
    private readonly IReadOnlyList<ServicePeriodFacts> periods;
    private readonly IReadOnlyList<DateInterval> mergedLeave;
    private readonly LocalDate? lastPlannedDay;
    private readonly OverlapSegment[] overlaps;
    private DateReachingResult? lastDateReaching;

    public ServiceTime(LocalDate trainingStart, IReadOnlyList<ServicePeriodFacts> periods, IReadOnlyList<DateInterval> mergedLeave)
    {
        this.trainingStart = trainingStart;
        this.periods = periods;
        this.mergedLeave = mergedLeave;
        Horizon = trainingStart.PlusYears(40);
        lastPlannedDay = ComputeLastPlannedDay();
        overlaps = OverlapSegment.Find(trainingStart, periods, Horizon);
    }

    /// <summary>The furthest date a projection looks: no real plan runs longer.</summary>
    public LocalDate Horizon { get; }

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

            fteMonths += FteMonths(period, until);
        }

        foreach (var overlap in overlaps)
        {
            var percent = 0;
            foreach (var period in overlap.Periods)
            {
                if (period.PositionPercent >= minimumPercent && CategoryCodes.Matches(categoryCode, period.Category))
                {
                    percent += period.PositionPercent;
                }
            }

            fteMonths -= ExcessMonths(overlap, until, percent - FullTime);
        }

        return fteMonths / 12.0;
    }

    /// <summary>
    /// Service that counts toward the total: general practice up to <paramref name="maxGeneralPracticeYears"/>,
    /// of which other general practice up to <paramref name="maxOtherGeneralPracticeYears"/>, plus institution service.
    /// </summary>
    public double CountableYears(LocalDate until, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears)
    {
        // The three categories in one pass; without overlaps each sum adds the same terms in the same order as Years would.
        double openMonths = 0, otherMonths = 0, institutionMonths = 0;
        foreach (var period in periods)
        {
            if (period.PositionPercent < 0)
            {
                continue;
            }

            var fte = FteMonths(period, until);
            switch (period.Category)
            {
                case ArenaCategory.OpenGeneralPractice:
                    openMonths += fte;
                    break;
                case ArenaCategory.OtherGeneralPractice:
                    otherMonths += fte;
                    break;
                default:
                    institutionMonths += fte;
                    break;
            }
        }

        foreach (var overlap in overlaps)
        {
            // Beyond full time, side work is what does not count: open practice is kept first, then institution service.
            int openPercent = 0, institutionPercent = 0, otherPercent = 0;
            foreach (var period in overlap.Periods)
            {
                switch (period.Category)
                {
                    case ArenaCategory.OpenGeneralPractice:
                        openPercent += period.PositionPercent;
                        break;
                    case ArenaCategory.OtherGeneralPractice:
                        otherPercent += period.PositionPercent;
                        break;
                    default:
                        institutionPercent += period.PositionPercent;
                        break;
                }
            }

            var keptOpen = Math.Min(openPercent, FullTime);
            var keptInstitution = Math.Min(institutionPercent, FullTime - keptOpen);
            var keptOther = Math.Min(otherPercent, FullTime - keptOpen - keptInstitution);
            openMonths -= ExcessMonths(overlap, until, openPercent - keptOpen);
            institutionMonths -= ExcessMonths(overlap, until, institutionPercent - keptInstitution);
            otherMonths -= ExcessMonths(overlap, until, otherPercent - keptOther);
        }

        var open = openMonths / 12.0;
        var other = Math.Min(otherMonths / 12.0, maxOtherGeneralPracticeYears);
        var institution = institutionMonths / 12.0;
        return Math.Min(open + other, maxGeneralPracticeYears) + institution;
    }

    /// <summary>The first date on which countable service reaches <paramref name="years"/>; null if the plan never does.</summary>
    public LocalDate? DateReaching(double years, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears)
    {
        // Several rules ask for the projected completion with the same arguments in one evaluation.
        if (Volatile.Read(ref lastDateReaching) is { } cached
            && cached.Years.Equals(years)
            && cached.MaxGeneralPracticeYears.Equals(maxGeneralPracticeYears)
            && cached.MaxOtherGeneralPracticeYears.Equals(maxOtherGeneralPracticeYears))
        {
            return cached.Date;
        }

        var date = ComputeDateReaching(years, maxGeneralPracticeYears, maxOtherGeneralPracticeYears);
        Volatile.Write(ref lastDateReaching, new DateReachingResult(years, maxGeneralPracticeYears, maxOtherGeneralPracticeYears, date));
        return date;
    }

    private LocalDate? ComputeDateReaching(double years, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears)
    {
        var last = lastPlannedDay;
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
    public LocalDate? LastPlannedDay() => lastPlannedDay;

    private LocalDate? ComputeLastPlannedDay()
    {
        if (periods.Count == 0)
        {
            return null;
        }

        var last = LocalDate.MinIsoValue;
        foreach (var period in periods)
        {
            if (period.To is not { } to)
            {
                return Horizon;
            }

            last = to > last ? to : last;
        }

        return last;
    }

    /// <summary>Full-time-equivalent months of the period up to and including <paramref name="until"/>, leave taken out.</summary>
    private double FteMonths(ServicePeriodFacts period, LocalDate until)
    {
        var from = period.From < trainingStart ? trainingStart : period.From;
        var end = period.To ?? Horizon;
        var to = end < until ? end : until;
        if (to < from)
        {
            // An empty range has no months and no leave months: the formula below gives exactly zero too.
            return 0.0 * period.PositionPercent / 100.0;
        }

        var months = CalendarMonths.Between(from, to) - LeaveMonths(from, to);
        return months * period.PositionPercent / 100.0;
    }

    /// <summary>The FTE months that <paramref name="excessPercent"/> of the overlap adds up to, leave taken out.</summary>
    private double ExcessMonths(OverlapSegment overlap, LocalDate until, int excessPercent)
    {
        var to = overlap.To < until ? overlap.To : until;
        if (excessPercent <= 0 || to < overlap.From)
        {
            return 0;
        }

        return (CalendarMonths.Between(overlap.From, to) - LeaveMonths(overlap.From, to)) * excessPercent / 100.0;
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

    private sealed record DateReachingResult(double Years, double MaxGeneralPracticeYears, double MaxOtherGeneralPracticeYears, LocalDate? Date);
}
