namespace AlisCompliance.Core.Compliance.Impact;

/// <summary>
/// One ALIS under the new rules: findings it would gain, lose, or keep with another verdict, and the rules that would
/// fail to evaluate for it (a change that breaks a rule shows here before it is put in force).
/// </summary>
public sealed record AlisImpact(
    string MunicipalityId,
    string AlisId,
    IReadOnlyList<Finding> Gained,
    IReadOnlyList<Finding> Lost,
    IReadOnlyList<FindingChange> Changed,
    IReadOnlyList<EvaluationError> Errors)
{
    public bool HasChanges => Gained.Count > 0 || Lost.Count > 0 || Changed.Count > 0 || Errors.Count > 0;
}
