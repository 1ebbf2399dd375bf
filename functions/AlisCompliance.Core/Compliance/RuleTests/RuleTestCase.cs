using NodaTime;

namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>
/// One example from rules/tests: a records document (one municipality, one ALIS), an as-of date, and for each rule
/// it names the expected outcome: "pass" or the severity of the finding.
/// </summary>
public sealed record RuleTestCase(
    string Source,
    string Name,
    LocalDate AsOf,
    string RecordsJson,
    IReadOnlyDictionary<string, string> Expectations);
