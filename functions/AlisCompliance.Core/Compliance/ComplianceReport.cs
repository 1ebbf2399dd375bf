using NodaTime;

namespace AlisCompliance.Core.Compliance;

/// <summary>Everything one evaluation found, as of one date with one rule-set version.</summary>
public sealed record ComplianceReport(
    LocalDate AsOf,
    string RuleSetVersion,
    int RuleCount,
    int AlisEvaluated,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<EvaluationError> Errors);
