using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>Writes and deletes many rows of one partition as entity-group transactions of at most 100 rows and 3 MiB of body.</summary>
internal static class TableBatches
{
    /// <summary>Leaves room under the 4 MiB body limit for the multipart framing.</summary>
    private const long MaxChunkBytes = 3L * 1024 * 1024;

    /// <summary>Submits the actions (one partition) in order, chunk by chunk, and returns the new ETag of every row written.</summary>
    public static async Task<IReadOnlyList<ETag>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, RetryOptions retry, CancellationToken cancellationToken)
    {
        var etags = new List<ETag>(actions.Count);
        foreach (var chunk in Chunk(actions))
        {
            var responses = await TableTransactions.SubmitAsync(table, chunk, retry, cancellationToken);
            etags.AddRange(responses.Select(response => response.Headers.ETag ?? default));
        }

        return etags;
    }

    /// <summary>
    /// Deletes the rows (one partition), whatever their ETags. A row already gone is no error: a chunk the service
    /// refuses because one of its rows is missing is retried row by row.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, IEnumerable<string> rowKeys, RetryOptions retry, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var actions = rowKeys.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All)).ToList();
        foreach (var chunk in Chunk(actions))
        {
            try
            {
                await TableTransactions.SubmitAsync(table, chunk, retry, cancellationToken);
                deleted += chunk.Count;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                foreach (var action in chunk)
                {
                    deleted += await TableRows.DeleteIfExistsAsync(table, partitionKey, action.Entity.RowKey, ETag.All, cancellationToken) ? 1 : 0;
                }
            }
        }

        return deleted;
    }

    /// <summary>The RowKeys of a partition in a key range (only keys are read).</summary>
    public static async Task<List<string>> ListRowKeysAsync(TableClient table, string partitionKey, string? fromInclusive, string? toExclusive, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (fromInclusive is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {fromInclusive}");
        }

        if (toExclusive is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {toExclusive}");
        }

        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }

    /// <summary>Every row of a partition.</summary>
    public static Task<List<TableEntity>> ReadPartitionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken) =>
        QueryAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken);

    /// <summary>Every row that matches the filter, across all continuation pages.</summary>
    public static async Task<List<TableEntity>> QueryAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return rows;
    }

    private static IEnumerable<List<TableTransactionAction>> Chunk(IReadOnlyList<TableTransactionAction> actions)
    {
        var chunk = new List<TableTransactionAction>(TableTransactions.MaxActions);
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = BodySize(action);
            if (chunk.Count == TableTransactions.MaxActions || (chunk.Count > 0 && bytes + size > MaxChunkBytes))
            {
                yield return chunk;
                chunk = new List<TableTransactionAction>(TableTransactions.MaxActions);
                bytes = 0;
            }

            chunk.Add(action);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// What the action adds to a transaction's body: an upper bound of its entity's JSON as sent, and its part's headers and
    /// URL, whose keys may be percent-escaped UTF-8 (up to nine bytes a character).
    /// </summary>
    private static long BodySize(TableTransactionAction action)
    {
        var entity = action.Entity;
        var json = action.ActionType == TableTransactionActionType.Delete || entity is not TableEntity tableEntity ? 0 : TableEntityLimits.EstimateJsonBytes(tableEntity);
        return json + 512 + (9L * (entity.PartitionKey.Length + entity.RowKey.Length));
    }

    /// <summary>True for the failures that mean another writer got there first (412 stale ETag, 409 already exists, 404 gone).</summary>
    public static bool IsLostRace(RequestFailedException exception) => exception.Status is 409 or 412 or 404;
}
