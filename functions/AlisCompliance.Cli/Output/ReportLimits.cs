using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// How much of a `check` report is printed. Each finding and message is capped already (OutputLimits); this caps
/// their number, so a rule that fails for every ALIS of the country cannot produce a report nobody can open.
/// </summary>
internal sealed record ReportLimits(int MaxFindings, int MaxErrors)
{
    /// <summary>Far above a real run: the national data set (2 000 ALIS) gives about 10 000 findings.</summary>
    public const int DefaultMaxFindings = 100_000;

    public const int DefaultMaxErrors = 100_000;

    public static ReportLimits Default { get; } = new(DefaultMaxFindings, DefaultMaxErrors);

    public int FindingsLeftOut(ComplianceReport report) => Math.Max(0, report.Findings.Count - MaxFindings);

    public int ErrorsLeftOut(ComplianceReport report) => Math.Max(0, report.Errors.Count - MaxErrors);

    public bool Truncates(ComplianceReport report) => FindingsLeftOut(report) > 0 || ErrorsLeftOut(report) > 0;

    /// <summary>The Norwegian line that says what was left out, or null when nothing was.</summary>
    public string? LeftOutNotice(ComplianceReport report) => Truncates(report)
        ? $"Rapporten er avkortet: {NorwegianFormat.WholeNumber(FindingsLeftOut(report))} funn og {NorwegianFormat.WholeNumber(ErrorsLeftOut(report))} regelfeil er utelatt "
          + $"(høyst {NorwegianFormat.WholeNumber(MaxFindings)} funn og {NorwegianFormat.WholeNumber(MaxErrors)} regelfeil skrives). Sjekk færre ALIS om gangen."
        : null;
}
