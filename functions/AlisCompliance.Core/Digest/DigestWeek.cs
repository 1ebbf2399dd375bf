using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace AlisCompliance.Core.Digest;

/// <summary>An ISO week, named by its Monday: the unit a municipality gets one digest for.</summary>
public readonly record struct DigestWeek(LocalDate Monday)
{
    public int WeekYear => WeekYearRules.Iso.GetWeekYear(Monday);

    public int WeekOfWeekYear => WeekYearRules.Iso.GetWeekOfWeekYear(Monday);

    /// <summary>The week a date falls in.</summary>
    public static DigestWeek Containing(LocalDate date) => new(date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)));

    public DigestWeek Previous => new(Monday.PlusWeeks(-1));

    /// <summary><c>2026-W49</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WeekYear:D4}-W{WeekOfWeekYear:D2}");
}
