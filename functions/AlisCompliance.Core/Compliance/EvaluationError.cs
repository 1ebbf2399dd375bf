namespace AlisCompliance.Core.Compliance;

/// <summary>A rule that threw while evaluating one ALIS: a fault in the rule, reported instead of hidden.</summary>
public sealed record EvaluationError(string AlisId, string MunicipalityId, string RuleId, string Message);
