using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// What saving an evaluation changed: the transitions against the findings stored before, and the alerts put in the
/// findings partition's outbox in the same transaction. <paramref name="Outbox"/> is every alert in the outbox after the
/// save: these alerts, and any an earlier evaluation left there (it crashed before moving them); move them to the alerts
/// table with <see cref="AlertOutbox.MoveAsync"/>, which needs no second read of the partition.
/// </summary>
/// <param name="Transitions">The transitions against the findings stored before.</param>
/// <param name="Alerts">The alerts this save put in the outbox.</param>
/// <param name="Outbox">Every alert in the outbox after the save.</param>
public sealed record EvaluationSaveResult(IReadOnlyList<FindingTransition> Transitions, IReadOnlyList<Alert> Alerts, IReadOnlyList<Alert> Outbox);
