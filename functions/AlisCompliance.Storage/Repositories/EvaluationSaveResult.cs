using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// What saving an evaluation changed: the transitions against the findings stored before, and the alerts put in the
/// findings partition's outbox in the same transaction (move them to the alerts table with <see cref="AlertOutbox"/>).
/// </summary>
public sealed record EvaluationSaveResult(IReadOnlyList<FindingTransition> Transitions, IReadOnlyList<Alert> Alerts);
