using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Compliance.Explain;

/// <summary>
/// One rule for one ALIS: its verdict, and what it rested on: the facts it read, its LocalParams' values, the law.
/// </summary>
/// <param name="Severity">For a failed rule: the finding's severity (for a rule with nested rules, its worst failing child's).</param>
/// <param name="Message">For a failed rule its message (the finding's, as `check` shows it); for an error, what went wrong.</param>
/// <param name="LegalReference">The rule's <c>legalReference</c>, a nested rule inheriting its parent's.</param>
public sealed record RuleExplanation(
    RuleMetadata Rule,
    RuleVerdict Verdict,
    Severity? Severity,
    string? Message,
    string LegalReference,
    IReadOnlyList<LocalParamValue> LocalParams,
    IReadOnlyList<FactValue> Facts,
    IReadOnlyList<RuleExplanation> Children);
