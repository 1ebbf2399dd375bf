namespace AlisCompliance.Storage.Repositories;

/// <summary>The <c>leader-alerts</c> queue: one message per stored alert to deliver (base64 JSON, as the Functions trigger reads it).</summary>
public sealed class LeaderAlertMessages(ComplianceStorage storage)
{
    public Task SendAsync(LeaderAlertMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return storage.LeaderAlerts.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken);
    }
}
