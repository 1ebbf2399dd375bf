using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>Length of a date range in calendar months: whole months exactly, the rest in average-length months.</summary>
internal static class CalendarMonths
{
    private const double AverageDaysPerMonth = 365.25 / 12;

    /// <summary>Months in [from, to], both inclusive: 01.09–28.02 is 6, 01.01–31.12 is 12; zero for an empty range.</summary>
    public static double Between(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            return 0;
        }

        var end = to.PlusDays(1);
        var months = ((end.Year - from.Year) * 12) + end.Month - from.Month;
        var anchor = from.PlusMonths(months);
        if (anchor > end)
        {
            months--;
            anchor = from.PlusMonths(months);
        }

        return months + (Period.DaysBetween(anchor, end) / AverageDaysPerMonth);
    }
}
