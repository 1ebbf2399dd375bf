using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>alerts</c> table: PartitionKey <c>m|{municipalityId}</c>, RowKey the alert's deterministic id. Delivery state
/// changes only with the ETag read, so of two senders at most one claims an alert and it is marked delivered once.
/// </summary>
public sealed class AlertsRepository(ComplianceStorage storage)
{
    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).Alerts;
    private readonly Azure.Core.RetryOptions retry = storage.TransactionRetry;

    /// <summary>Stores a new alert; false when an alert with its id is already stored (a repeated outbox drain).</summary>
    public async Task<bool> AddAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        try
        {
            await TableRows.AddAsync(table, ToEntity(alert with { State = AlertState.Pending, Attempts = 0 }), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            return false;
        }
    }

    /// <summary>
    /// Stores new alerts: one transaction per municipality and 100 alerts; when one is already stored (a repeated outbox
    /// drain), one at a time, keeping the stored ones.
    /// </summary>
    public async Task AddAllAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var chunks = alerts.GroupBy(alert => alert.MunicipalityId, StringComparer.Ordinal).SelectMany(municipality => municipality.Chunk(TableTransactions.MaxActions));
        foreach (var chunk in chunks)
        {
            var actions = chunk.Select(alert => new TableTransactionAction(
                TableTransactionActionType.Add, ToEntity(alert with { State = AlertState.Pending, Attempts = 0 }))).ToList();
            try
            {
                await TableTransactions.SubmitAsync(table, actions, retry, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.IsAlreadyExists())
            {
                foreach (var alert in chunk)
                {
                    await AddAsync(alert, cancellationToken);
                }
            }
        }
    }

    public async Task<Alert?> GetAsync(string municipalityId, string alertId, CancellationToken cancellationToken = default)
    {
        var entity = await TableRows.GetIfExistsAsync(table, RecordKeys.MunicipalityPartition(municipalityId), alertId, cancellationToken);
        return entity is null ? null : AlertEntities.FromEntity(entity);
    }

    /// <summary>Every alert of a municipality.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(string municipalityId, CancellationToken cancellationToken = default)
    {
        var rows = await TableBatches.ReadPartitionAsync(table, RecordKeys.MunicipalityPartition(municipalityId), cancellationToken);
        return [.. rows.Select(AlertEntities.FromEntity)];
    }

    /// <summary>
    /// Claims an alert for sending until <paramref name="now"/> + <paramref name="lease"/>: only a pending alert, or one whose
    /// previous sender's lease ran out. Null when it is delivered, claimed by another sender, or changed since it was read.
    /// </summary>
    public async Task<Alert?> TryBeginDeliveryAsync(Alert alert, Instant now, Duration lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var claimable = alert.State == AlertState.Pending || (alert.State == AlertState.Sending && alert.LeaseUntil <= now);
        if (!claimable)
        {
            return null;
        }

        var claimed = alert with { State = AlertState.Sending, Attempts = alert.Attempts + 1, LeaseUntil = now + lease };
        return await TryUpdateAsync(claimed, alert.ETag, cancellationToken);
    }

    /// <summary>Marks a claimed alert delivered; null when the claim was lost (the lease ran out and another sender took it).</summary>
    public Task<Alert?> CompleteDeliveryAsync(Alert claimed, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return TryUpdateAsync(claimed with { State = AlertState.Delivered, DeliveredAt = now, LeaseUntil = null, LastError = null }, claimed.ETag, cancellationToken);
    }

    /// <summary>Gives a claimed alert back after a failed send, with an error code (no recipient data) for the next try.</summary>
    public Task<Alert?> FailDeliveryAsync(Alert claimed, string errorCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return TryUpdateAsync(claimed with { State = AlertState.Pending, LeaseUntil = null, LastError = errorCode }, claimed.ETag, cancellationToken);
    }

    /// <summary>Ends a claimed alert without sending it again: <see cref="AlertState.Undeliverable"/> or <see cref="AlertState.Unconfirmed"/>.</summary>
    public Task<Alert?> GiveUpAsync(Alert claimed, AlertState finalState, string errorCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (finalState is not (AlertState.Undeliverable or AlertState.Unconfirmed))
        {
            throw new ArgumentOutOfRangeException(nameof(finalState), finalState, "Only Undeliverable and Unconfirmed end an alert unsent.");
        }

        return TryUpdateAsync(claimed with { State = finalState, LeaseUntil = null, LastError = errorCode }, claimed.ETag, cancellationToken);
    }

    private async Task<Alert?> TryUpdateAsync(Alert changed, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var etag = await TableRows.ReplaceAsync(table, ToEntity(changed), ifMatch, cancellationToken);
            return changed with { ETag = etag };
        }
        catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsNotFound())
        {
            return null;
        }
    }

    private static TableEntity ToEntity(Alert alert) => AlertEntities.ToEntity(alert, RecordKeys.MunicipalityPartition(alert.MunicipalityId), alert.Id);
}
