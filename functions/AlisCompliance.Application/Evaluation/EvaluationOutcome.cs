namespace AlisCompliance.Application.Evaluation;

/// <summary>
/// What one evaluation of one ALIS did: open findings, alerts queued (transitions), rules that failed to run, and the
/// rule-set version (content hash) it evaluated with.
/// </summary>
public sealed record EvaluationOutcome(int Findings, int Alerts, int RuleErrors)
{
    public string RuleSetVersion { get; init; } = string.Empty;
}
