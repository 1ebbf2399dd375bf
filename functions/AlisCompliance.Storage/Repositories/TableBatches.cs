using AlisCompliance.Storage.Tables;
using Azure;

namespace AlisCompliance.Storage.Repositories;

/// <summary>Writes and deletes many rows of one partition as entity-group transactions of at most 100 rows and 3 MiB of body.</summary>
internal static class TableBatches
{
    /// <summary>Leaves room under the 4 MiB body limit for the multipart framing.</summary>
    private const long MaxChunkBytes = 3L * 1024 * 1024;

    /// <summary>Submits the actions (one partition) in order, chunk by chunk, and returns every result.</summary>
    public static async Task<IReadOnlyList<TableTransactionResult>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var results = new List<TableTransactionResult>(actions.Count);
        foreach (var chunk in Chunk(actions))
        {
            results.AddRange(await table.SubmitTransactionAsync(chunk, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// Deletes the rows (one partition), whatever their ETags. A row already gone is no error: a chunk the service
    /// refuses because one of its rows is missing is retried row by row.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var actions = rowKeys.Select(rowKey => TableTransactionAction.Delete(partitionKey, rowKey)).ToList();
        foreach (var chunk in Chunk(actions))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
                deleted += chunk.Count;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                foreach (var action in chunk)
                {
                    deleted += await table.DeleteEntityAsync(partitionKey, action.Entity.RowKey, cancellationToken: cancellationToken) ? 1 : 0;
                }
            }
        }

        return deleted;
    }

    /// <summary>The RowKeys of a partition in a key range (only keys are read).</summary>
    public static async Task<List<string>> ListRowKeysAsync(TableClient table, string partitionKey, string? fromInclusive, string? toExclusive, CancellationToken cancellationToken)
    {
        var filter = TableFilter.PartitionKeyEquals(partitionKey);
        if (fromInclusive is not null)
        {
            filter = TableFilter.And(filter, TableFilter.Create($"RowKey ge {fromInclusive}"));
        }

        if (toExclusive is not null)
        {
            filter = TableFilter.And(filter, TableFilter.Create($"RowKey lt {toExclusive}"));
        }

        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync(new TableQuery { Filter = filter, Select = ["RowKey"] }, cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }

    /// <summary>Every row of a partition.</summary>
    public static async Task<List<TableEntity>> ReadPartitionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableQuery.Where(TableFilter.PartitionKeyEquals(partitionKey)), cancellationToken))
        {
            rows.Add(entity);
        }

        return rows;
    }

    private static IEnumerable<List<TableTransactionAction>> Chunk(IReadOnlyList<TableTransactionAction> actions)
    {
        var chunk = new List<TableTransactionAction>(TableClient.MaxTransactionActions);
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = BodySize(action);
            if (chunk.Count == TableClient.MaxTransactionActions || (chunk.Count > 0 && bytes + size > MaxChunkBytes))
            {
                yield return chunk;
                chunk = new List<TableTransactionAction>(TableClient.MaxTransactionActions);
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
    /// What the action adds to a transaction's body: its entity's JSON as sent (the service's size formula counts two
    /// bytes a character, but a character escaped as <c>\uXXXX</c> is six) and its part's headers and URL, whose keys
    /// may be percent-escaped UTF-8 (up to nine bytes a character).
    /// </summary>
    private static long BodySize(TableTransactionAction action)
    {
        var entity = action.Entity;
        var json = action.ActionType == TableTransactionActionType.Delete ? 0 : TableEntityJson.Serialize(entity).Length;
        return json + 512 + (9L * (entity.PartitionKey.Length + entity.RowKey.Length));
    }

    /// <summary>True for the failures that mean another writer got there first (412 stale ETag, 409 already exists, 404 gone).</summary>
    public static bool IsLostRace(RequestFailedException exception) => exception.Status is 409 or 412 or 404;
}
