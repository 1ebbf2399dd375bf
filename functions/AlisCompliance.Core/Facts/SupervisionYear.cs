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
    double ElapsedActiveMonths)
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
}
