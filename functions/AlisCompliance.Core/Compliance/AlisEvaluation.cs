namespace AlisCompliance.Core.Compliance;

/// <summary>The findings and rule errors for one ALIS.</summary>
public sealed record AlisEvaluation(string AlisId, IReadOnlyList<Finding> Findings, IReadOnlyList<EvaluationError> Errors)
{
    public static readonly AlisEvaluation None = new(string.Empty, [], []);
}
