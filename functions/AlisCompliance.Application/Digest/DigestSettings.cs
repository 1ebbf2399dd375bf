using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// The numbers the digest draws against. The defaults are those of the rule set in rules/workflows; a caller that
/// has the rule set in force should pass its values (the transition deadline has moved before).
/// </summary>
public sealed record DigestSettings
{
    public static readonly DigestSettings Default = new();

    /// <summary>The line in the monthly chart: 4 hours a month (Rundskriv I-2/2019 § 2).</summary>
    public double MonthlySupervisionHours { get; init; } = 4;

    /// <summary>The hours a training year owes (supervision.json).</summary>
    public double AnnualSupervisionHours { get; init; } = 42;

    /// <summary>Months shown in the chart, ending with the as-of month.</summary>
    public int SupervisionMonths { get; init; } = 12;

    public double RequiredServiceYears { get; init; } = 5;

    public double MaxGeneralPracticeYears { get; init; } = 4.5;

    public double MaxOtherGeneralPracticeYears { get; init; } = 2.5;

    /// <summary>The end of overgangsordningen (deadlines.json <c>transitionDeadline</c>).</summary>
    public LocalDate TransitionDeadline { get; init; } = new(2026, 12, 31);

    /// <summary>The last valid conversion date (deadlines.json <c>conversionDeadline</c>).</summary>
    public LocalDate ConversionDeadline { get; init; } = new(2023, 12, 31);

    /// <summary>Deadlines further ahead than this are left out (the transition deadline excepted while it is ahead).</summary>
    public int DeadlineHorizonDays { get; init; } = 183;

    /// <summary>Half-yearly review (PLAN-REVIEW): the next is due this many months after the last.</summary>
    public int PlanReviewIntervalMonths { get; init; } = 6;
}
