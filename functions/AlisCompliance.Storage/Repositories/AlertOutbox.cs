namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Moves the alerts an evaluation left in its findings partition's outbox to the alerts table: insert (a repeat keeps
/// the stored one, the ids are deterministic), then remove from the outbox. Run after each save, and again on retry:
/// an evaluation that crashed after saving loses no alert.
/// </summary>
public sealed class AlertOutbox(FindingsRepository findings, AlertsRepository alerts)
{
    /// <summary>Returns the alerts moved (including ones already in the alerts table).</summary>
    public async Task<IReadOnlyList<Alert>> DrainAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(alerts);
        var pending = await findings.ListOutboxAsync(municipalityId, alisId, cancellationToken);
        foreach (var alert in pending)
        {
            await alerts.AddAsync(alert, cancellationToken);
            await findings.RemoveFromOutboxAsync(alert, cancellationToken);
        }

        return pending;
    }
}
