using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>
/// Supervision in one year-long window (a training year, or the twelve months up to a date), with the
/// months the ALIS was actually in training: months of leave are not part of the year's expectation.
/// </summary>
public sealed record SupervisionYear(
    int Number,
    LocalDate From,
    LocalDate To,
    bool IsComplete,
    double SupervisionHours,
    int Sessions,
    double ActiveMonths,
    double ElapsedActiveMonths,
    int ElapsedWholeActiveMonths)
{
    // Expectations are rounded to two decimals so a year without leave owes exactly 42,00 hours, not 41,999….

    /// <summary>The hours owed for the whole window: the annual target scaled by months in training.</summary>
    public double ExpectedHours(double hoursPerYear) => Math.Round(hoursPerYear * ActiveMonths / 12.0, 2);

    /// <summary>
    /// The hours owed by now at <paramref name="hoursPerMonth"/> in all but <paramref name="slackMonths"/> months:
    /// the pace reading of "4 hours a month in 10.5 of the year's months".
    /// </summary>
    public double ExpectedHoursSoFar(double hoursPerMonth, double slackMonths) =>
        Math.Round(Math.Max(0, hoursPerMonth * (ElapsedActiveMonths - slackMonths)), 2);

    /// <summary>
    /// The hours the average asks for by now: <paramref name="hoursPerMonth"/> in every whole month of the year so far
    /// (leave taken out) except <paramref name="holidayMonths"/>. Whole months, because supervision comes in sessions:
    /// one session a month is on pace whichever day of the month it falls on. Never more than the year's own
    /// requirement, so 3,5 hours every month (42 hours) is on pace all year.
    /// </summary>
    public double PaceHours(double hoursPerMonth, double holidayMonths) =>
        Math.Round(Math.Max(0, hoursPerMonth * (ElapsedWholeActiveMonths - holidayMonths)), 2);
}
