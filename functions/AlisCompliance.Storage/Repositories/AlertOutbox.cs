namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Moves the alerts an evaluation left in its findings partition's outbox to the alerts table and the
/// <c>leader-alerts</c> queue: insert (a repeat keeps the stored one, the ids are deterministic), queue the delivery
/// message, and only then remove it from the outbox. Run after each save, and again on retry: an evaluation that crashed
/// anywhere loses no alert (a repeated message is harmless: delivery happens once per alert).
/// </summary>
public sealed class AlertOutbox(FindingsRepository findings, AlertsRepository alerts, LeaderAlertMessages queue)
{
    /// <summary>Returns the alerts moved (including ones already in the alerts table).</summary>
    public async Task<IReadOnlyList<Alert>> DrainAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default)
    {
        var pending = await findings.ListOutboxAsync(municipalityId, alisId, cancellationToken);
        foreach (var alert in pending)
        {
            await alerts.AddAsync(alert, cancellationToken);
            await queue.SendAsync(new LeaderAlertMessage(alert.MunicipalityId, alert.AlisId, alert.Id), cancellationToken);
            await findings.RemoveFromOutboxAsync(alert, cancellationToken);
        }

        return pending;
    }
}
