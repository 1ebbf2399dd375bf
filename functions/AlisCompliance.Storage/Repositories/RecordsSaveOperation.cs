using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>Runs one save: read state, stage, flip, clean up; or undo.</summary>
internal sealed class RecordsSaveOperation(RecordsRepository repository, SavePlan plan, string batchId, DateTimeOffset now)
{
    private static readonly TimeSpan UndoTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentBag<AlisPlan> staged = [];
    private readonly ConcurrentBag<(AlisPlan Alis, ETag ETag)> flipped = [];
    private readonly ConcurrentBag<(TableClient Table, TableEntity? Before, TableEntity After, ETag ETag)> upserted = [];
    private int rowsWritten;

    private TableClient Records => repository.Records;

    private Azure.Core.RetryOptions Retry => repository.Storage.TransactionRetry;

    public async Task<RecordsSaveResult> RunAsync(IReadOnlyDictionary<AlisKey, string?>? expectedBatches, CancellationToken cancellationToken)
    {
        await ReadStateAsync(cancellationToken);
        CheckExpectations(expectedBatches);
        var changed = plan.Alis.Where(alis => alis.Changed).ToList();
        try
        {
            await WriteMunicipalitiesAsync(cancellationToken);
            await repository.ForEachAsync(changed, StageAsync, cancellationToken);
            await repository.ForEachAsync(changed, FlipAsync, cancellationToken);
        }
        catch (Exception)
        {
            using var undoTimeout = new CancellationTokenSource(UndoTimeout);
            await UndoAsync(undoTimeout.Token);
            throw;
        }

        var deleted = 0;
        var cleanupFailures = 0;
        await repository.ForEachAsync(changed.Where(alis => alis.Before is not null), async (alis, token) =>
        {
            try
            {
                Interlocked.Add(ref deleted, await DeleteReplacedAsync(alis, token));
            }
            catch (RequestFailedException)
            {
                Interlocked.Increment(ref cleanupFailures);
            }
        }, cancellationToken);

        var saved = plan.Alis
            .Select(alis => new SavedAlis(alis.Rows.MunicipalityId, alis.Rows.AlisId, alis.Changed ? batchId : alis.Before!.Batch, alis.Changed, alis.NeedsQueue))
            .ToList();
        return new RecordsSaveResult(saved, rowsWritten, deleted, cleanupFailures);
    }

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        await repository.ForEachAsync(plan.Alis, async (alis, token) =>
        {
            var entity = await TableRows.GetIfExistsAsync(Records, alis.Rows.PartitionKey, RecordKeys.Current, token);
            alis.Before = CurrentPointer.From(entity);
        }, cancellationToken);
        await repository.ForEachAsync(plan.Municipalities, async (municipality, token) =>
        {
            municipality.Existing = (await TableBatches.ReadPartitionAsync(Records, municipality.PartitionKey, token))
                .ToDictionary(row => row.RowKey, StringComparer.Ordinal);
            municipality.ExistingListEntry = await TableRows.GetIfExistsAsync(
                repository.Storage.Municipalities, municipality.ListEntry.PartitionKey, municipality.ListEntry.RowKey, token);
        }, cancellationToken);
    }

    private void CheckExpectations(IReadOnlyDictionary<AlisKey, string?>? expectedBatches)
    {
        if (expectedBatches is null)
        {
            return;
        }

        foreach (var alis in plan.Alis)
        {
            if (expectedBatches.TryGetValue(alis.Key, out var expected) && !string.Equals(expected, alis.Before?.Batch, StringComparison.Ordinal))
            {
                throw new RecordsConflictException(alis.Key.MunicipalityId, alis.Key.AlisId);
            }
        }
    }

    /// <summary>Upserts the municipality rows that are new or changed (none on a repeated ingest) and the list entry.</summary>
    private async Task WriteMunicipalitiesAsync(CancellationToken cancellationToken)
    {
        await repository.ForEachAsync(plan.Municipalities, async (municipality, token) =>
        {
            var changedRows = municipality.Rows
                .Where(row => !municipality.Existing.TryGetValue(row.RowKey, out var old) || !TableEntityProperties.Same(old, row))
                .ToList();
            if (changedRows.Count > 0)
            {
                var etags = await TableBatches.SubmitAsync(Records, [.. changedRows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))], Retry, token);
                foreach (var (row, etag) in changedRows.Zip(etags))
                {
                    upserted.Add((Records, municipality.Existing.GetValueOrDefault(row.RowKey), row, etag));
                }

                Interlocked.Add(ref rowsWritten, changedRows.Count);
            }

            if (municipality.ExistingListEntry is null || !TableEntityProperties.Same(municipality.ExistingListEntry, municipality.ListEntry))
            {
                var etag = await TableRows.UpsertAsync(repository.Storage.Municipalities, municipality.ListEntry, token);
                upserted.Add((repository.Storage.Municipalities, municipality.ExistingListEntry, municipality.ListEntry, etag));
                Interlocked.Increment(ref rowsWritten);
            }
        }, cancellationToken);
    }

    private async ValueTask StageAsync(AlisPlan alis, CancellationToken cancellationToken)
    {
        staged.Add(alis);
        var actions = alis.Rows.Rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row.ToEntity(alis.Rows.PartitionKey, batchId))).ToList();
        await TableBatches.SubmitAsync(Records, actions, Retry, cancellationToken);
        Interlocked.Add(ref rowsWritten, actions.Count);
    }

    private async ValueTask FlipAsync(AlisPlan alis, CancellationToken cancellationToken)
    {
        var pointer = CurrentPointer.Create(alis.Rows, batchId, now);
        ETag etag;
        try
        {
            etag = alis.Before is null
                ? await TableRows.AddAsync(Records, pointer, cancellationToken)
                : await TableRows.ReplaceAsync(Records, pointer, alis.Before.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (TableBatches.IsLostRace(exception))
        {
            // The SDK retries a request whose answer was lost (a timeout); if the first try had flipped the pointer, the
            // retry fails its condition on our own write. Batch ids are unique, so a pointer naming ours is our flip.
            var stored = CurrentPointer.From(await TableRows.GetIfExistsAsync(Records, alis.Rows.PartitionKey, RecordKeys.Current, cancellationToken));
            etag = stored is not null && string.Equals(stored.Batch, batchId, StringComparison.Ordinal)
                ? stored.ETag
                : throw new RecordsConflictException(alis.Key.MunicipalityId, alis.Key.AlisId, exception);
        }

        flipped.Add((alis, etag));
        Interlocked.Increment(ref rowsWritten);
    }

    /// <summary>Deletes every row of the partition except the pointer and the new batch: the replaced version and any leftovers.</summary>
    private async Task<int> DeleteReplacedAsync(AlisPlan alis, CancellationToken cancellationToken)
    {
        var keys = await TableBatches.ListRowKeysAsync(Records, alis.Rows.PartitionKey, null, null, cancellationToken);
        var stale = keys.Where(key => !string.Equals(key, RecordKeys.Current, StringComparison.Ordinal)
            && !string.Equals(RecordKeys.BatchOf(key), batchId, StringComparison.Ordinal));
        return await TableBatches.DeleteAsync(Records, alis.Rows.PartitionKey, stale, Retry, cancellationToken);
    }

    /// <summary>
    /// Puts back what this save changed, newest first: pointers to their old batch (only where still ours, by ETag),
    /// the staged rows deleted, municipality rows restored or deleted (only where still ours). Best effort: an undo
    /// step that fails is skipped so the others still run; the original failure is what the caller sees.
    /// </summary>
    private async Task UndoAsync(CancellationToken cancellationToken)
    {
        foreach (var (alis, etag) in flipped)
        {
            await BestEffortAsync(async () =>
            {
                if (alis.Before is null)
                {
                    await TableRows.DeleteIfExistsAsync(Records, alis.Rows.PartitionKey, RecordKeys.Current, etag, cancellationToken);
                }
                else
                {
                    await TableRows.ReplaceAsync(Records, TableEntityProperties.Copy(alis.Before.Entity), etag, cancellationToken);
                }
            });
        }

        await Parallel.ForEachAsync(staged, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (alis, token) =>
            await BestEffortAsync(async () =>
            {
                var keys = await TableBatches.ListRowKeysAsync(
                    Records, alis.Rows.PartitionKey, RecordKeys.BatchStart(batchId), RecordKeys.BatchEnd(batchId), token);
                await TableBatches.DeleteAsync(Records, alis.Rows.PartitionKey, keys, Retry, token);
            }));

        foreach (var (table, before, after, etag) in upserted)
        {
            await BestEffortAsync(async () =>
            {
                if (before is null)
                {
                    await TableRows.DeleteIfExistsAsync(table, after.PartitionKey, after.RowKey, etag, cancellationToken);
                }
                else
                {
                    await TableRows.ReplaceAsync(table, TableEntityProperties.Copy(before), etag, cancellationToken);
                }
            });
        }
    }

    private static async Task BestEffortAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (RequestFailedException)
        {
            // Someone else changed the row since (their version stands), or storage is unreachable: keep undoing the rest.
        }
        catch (OperationCanceledException)
        {
            // The undo ran out of time.
        }
    }
}
