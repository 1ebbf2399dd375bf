using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace AlisCompliance.Storage;

/// <summary>
/// Entity-group transactions through the SDK, checked first for what the SDK does not check: the SDK sends a transaction
/// of 101 actions and then fails on the service's answer, which it cannot parse; two partitions or a RowKey twice are
/// refused by the service only after the request; and an update without an ETag is sent without <c>If-Match</c>, which
/// makes it an upsert. Each of these is an <see cref="ArgumentException"/> here, before any request. And the SDK does not
/// retry a transaction (its batch requests skip the retry policy), so a 503 or a lost connection is retried here, with
/// the table client's retry settings: a transaction is all or nothing, and every one we send may be sent again (upserts
/// and deletes repeat harmlessly; an insert or an ETag-conditional update that did land comes back 409 or 412, which the
/// callers read as "someone wrote first" and re-read).
/// </summary>
internal static class TableTransactions
{
    public const int MaxActions = 100;

    /// <summary>Checks the actions, then submits them as one transaction; returns one response per action.</summary>
    public static async Task<IReadOnlyList<Response>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, RetryOptions retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(retry);
        Validate(actions);
        for (var retries = 0; ; retries++)
        {
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return response.Value;
            }
            catch (Exception exception) when (retries < retry.MaxRetries && IsTransient(exception, cancellationToken))
            {
                await Task.Delay(Delay(retry, retries), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The failures Azure.Core's retry policy retries: no answer, 408, 429, 500, 502, 503, 504, or a network timeout.</summary>
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            OperationCanceledException => !cancellationToken.IsCancellationRequested,
            _ => exception.AsStorageFailure(out _) is { Status: 0 or 408 or 429 or 500 or 502 or 503 or 504 },
        };

    private static TimeSpan Delay(RetryOptions retry, int retries)
    {
        var delay = retry.Mode == RetryMode.Fixed ? retry.Delay : retry.Delay * Math.Pow(2, retries);
        return delay < retry.MaxDelay ? delay : retry.MaxDelay;
    }

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1-{MaxActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < actions.Count; index++)
        {
            var action = actions[index];
            var entity = action.Entity;
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {index} is in another partition; a transaction is one partition.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {index} repeats a RowKey; a transaction names each entity once.", nameof(actions));
            }

            if (action.ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace && action.ETag == default)
            {
                throw new ArgumentException(
                    $"Action {index} updates without an ETag, which the service treats as an upsert; pass the ETag read, or ETag.All when the entity must exist.",
                    nameof(actions));
            }

            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableKeyValidator.ValidateKeys(entity.PartitionKey, entity.RowKey);
            }
            else if (entity is TableEntity tableEntity)
            {
                TableEntityLimits.ValidateForWrite(tableEntity);
            }
        }
    }
}
