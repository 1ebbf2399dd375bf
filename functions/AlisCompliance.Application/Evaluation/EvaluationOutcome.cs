namespace AlisCompliance.Application.Evaluation;

/// <summary>What one evaluation of one ALIS did: open findings, alerts queued (transitions), rules that failed to run.</summary>
public sealed record EvaluationOutcome(int Findings, int Alerts, int RuleErrors);
