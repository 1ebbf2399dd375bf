namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Moves the alerts an evaluation left in its findings partition's outbox to the alerts table and the
/// <c>leader-alerts</c> queue: insert (a repeat keeps the stored one, the ids are deterministic), queue the delivery
/// messages, and only then remove them from the outbox. Run after each save, and again on retry: an evaluation that
/// crashed anywhere loses no alert (a repeated message is harmless: delivery happens once per alert).
/// </summary>
public sealed class AlertOutbox(FindingsRepository findings, AlertsRepository alerts, LeaderAlertMessages queue)
{
    /// <summary>Reads the outbox of one ALIS and moves what it holds; returns the alerts moved (including ones already in the alerts table).</summary>
    public async Task<IReadOnlyList<Alert>> DrainAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default) =>
        await MoveAsync(await findings.ListOutboxAsync(municipalityId, alisId, cancellationToken), cancellationToken);

    /// <summary>
    /// Moves the alerts of one ALIS's outbox as read by <see cref="FindingsRepository.SaveEvaluationAsync"/>
    /// (<see cref="EvaluationSaveResult.Outbox"/>): the alerts in one transaction, the messages sent at once, the outbox
    /// rows removed in one transaction. Returns them.
    /// </summary>
    public async Task<IReadOnlyList<Alert>> MoveAsync(IReadOnlyList<Alert> pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return pending;
        }

        await alerts.AddAllAsync(pending, cancellationToken);
        await Task.WhenAll(pending.Select(alert => queue.SendAsync(new LeaderAlertMessage(alert.MunicipalityId, alert.AlisId, alert.Id), cancellationToken)));
        await findings.RemoveFromOutboxAsync(pending, cancellationToken);
        return pending;
    }
}
