using System.Collections.Concurrent;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Tables;
using Azure;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Training records in the <c>records</c> table, one partition per municipality and one per ALIS, with each ALIS
/// versioned by batch behind its <c>current</c> pointer (see the README's key design). Saving stages the new rows,
/// flips the pointers with ETags, then deletes the replaced rows; a failure undoes what this save wrote.
/// Loading reads two partitions and validates the result with <see cref="RecordsReader"/>.
/// </summary>
public sealed class RecordsRepository
{
    private readonly ComplianceStorage storage;
    private readonly RecordsReader reader;
    private readonly IClock clock;
    private readonly RecordsRepositoryOptions options;

    public RecordsRepository(ComplianceStorage storage, RecordsReader reader, IClock clock, RecordsRepositoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(clock);
        this.storage = storage;
        this.reader = reader;
        this.clock = clock;
        this.options = options ?? new RecordsRepositoryOptions();
    }

    private TableClient Records => storage.Records;

    /// <summary>Saves one municipality's records as batch <paramref name="batchId"/> (see <see cref="SaveAsync"/>).</summary>
    public Task<RecordsSaveResult> SaveMunicipalityAsync(MunicipalityRecords records, string batchId, CancellationToken cancellationToken = default) =>
        SaveAsync([records], batchId, expectedBatches: null, cancellationToken);

    /// <summary>
    /// Saves validated records: the municipality rows are upserted (leaders, arenas and veiledere are never removed, so
    /// every stored ALIS still resolves its references), and each ALIS is replaced whole by a new version unless its
    /// content is unchanged. Either every changed ALIS is put in force or none is: on any failure the pointers flipped
    /// so far are flipped back and every row written is deleted or restored, and the exception is rethrown.
    /// </summary>
    /// <param name="municipalities">Validated records, each municipality once.</param>
    /// <param name="batchId">The new version's id: letters, digits and dashes.</param>
    /// <param name="expectedBatches">
    /// For a read-modify-write (the CSV import): the batch each ALIS had when it was read, null for "did not exist".
    /// A different batch in force at save time throws <see cref="RecordsConflictException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the save (what was written is still undone).</param>
    /// <returns>Every ALIS with its version in force, and row counts.</returns>
    public async Task<RecordsSaveResult> SaveAsync(
        IReadOnlyList<MunicipalityRecords> municipalities,
        string batchId,
        IReadOnlyDictionary<AlisKey, string?>? expectedBatches,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        BatchIds.Validate(batchId);
        var plan = SavePlan.Create(municipalities);
        var save = new SaveOperation(this, plan, batchId, clock.GetCurrentInstant().ToDateTimeOffset());
        return await save.RunAsync(expectedBatches, cancellationToken);
    }

    /// <summary>One ALIS with its municipality and veiledere, or null when it is not stored.</summary>
    public async Task<MunicipalityRecords?> LoadAlisAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default) =>
        (await LoadAlisVersionAsync(municipalityId, alisId, cancellationToken))?.Records;

    /// <summary>
    /// One ALIS and the batch in force. Two partition queries (the ALIS's and its municipality's); when a new version is
    /// put in force during the read (the batch's row count does not match its pointer), the read is repeated.
    /// </summary>
    public async Task<StoredAlis?> LoadAlisVersionAsync(string municipalityId, string alisId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalityId);
        ArgumentNullException.ThrowIfNull(alisId);
        var alisPartition = RecordKeys.AlisPartition(municipalityId, alisId);
        for (var attempt = 1; attempt <= options.MaxReadAttempts; attempt++)
        {
            var alisRead = TableBatches.ReadPartitionAsync(Records, alisPartition, cancellationToken);
            var municipalityRead = TableBatches.ReadPartitionAsync(Records, RecordKeys.MunicipalityPartition(municipalityId), cancellationToken);
            var alisRows = await alisRead;
            var municipalityRows = await municipalityRead;
            var current = CurrentPointer.From(alisRows.Find(row => string.Equals(row.RowKey, RecordKeys.Current, StringComparison.Ordinal)));
            if (current is null)
            {
                return null;
            }

            var batch = alisRows.FindAll(row => string.Equals(RecordKeys.BatchOf(row.RowKey), current.Batch, StringComparison.Ordinal));
            if (batch.Count != current.Rows)
            {
                continue;
            }

            var json = StoredRecordsDocument.Build(municipalityRows, [batch]);
            var read = reader.Read($"lagret:{municipalityId}/{alisId}", json);
            return read.IsValid
                ? new StoredAlis(read.Records!, current.Batch)
                : throw new StoredRecordsInvalidException(municipalityId, alisId, read.Errors);
        }

        throw new InvalidOperationException(
            $"ALIS {alisId} in municipality {municipalityId} got a new version during each of {options.MaxReadAttempts} reads; try again.");
    }

    /// <summary>
    /// Every stored ALIS of a municipality with its municipality and veiledere (for a digest or a sweep by municipality),
    /// or null when the municipality is not stored. Two queries: the municipality partition, and one key range over all
    /// its ALIS partitions (<c>a|{id}|</c> to <c>a|{id}|~</c>). Repeated when a new version went in force during the read.
    /// </summary>
    public async Task<MunicipalityRecords?> LoadMunicipalityAsync(string municipalityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalityId);
        var prefix = RecordKeys.AlisPartition(municipalityId, string.Empty);
        var range = TableFilter.And(TableFilter.Create($"PartitionKey ge {prefix}"), TableFilter.Create($"PartitionKey lt {RecordKeys.PrefixEnd(prefix)}"));
        for (var attempt = 1; attempt <= options.MaxReadAttempts; attempt++)
        {
            var municipalityRead = TableBatches.ReadPartitionAsync(Records, RecordKeys.MunicipalityPartition(municipalityId), cancellationToken);
            var alisRows = new List<TableEntity>();
            await foreach (var row in Records.QueryAsync(TableQuery.Where(range), cancellationToken))
            {
                alisRows.Add(row);
            }

            var municipalityRows = await municipalityRead;
            if (!municipalityRows.Exists(row => string.Equals(row.RowKey, RecordKeys.Municipality, StringComparison.Ordinal)))
            {
                return null;
            }

            var batches = new List<IReadOnlyList<TableEntity>>();
            var torn = false;
            foreach (var partition in alisRows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
            {
                var current = CurrentPointer.From(partition.FirstOrDefault(row => string.Equals(row.RowKey, RecordKeys.Current, StringComparison.Ordinal)));
                if (current is null)
                {
                    continue;
                }

                var batch = partition.Where(row => string.Equals(RecordKeys.BatchOf(row.RowKey), current.Batch, StringComparison.Ordinal)).ToList();
                torn |= batch.Count != current.Rows;
                batches.Add(batch);
            }

            if (torn)
            {
                continue;
            }

            var read = reader.Read($"lagret:{municipalityId}", StoredRecordsDocument.Build(municipalityRows, batches));
            return read.IsValid ? read.Records : throw new StoredRecordsInvalidException(municipalityId, "*", read.Errors);
        }

        throw new InvalidOperationException(
            $"Municipality {municipalityId} got new versions during each of {options.MaxReadAttempts} reads; try again.");
    }

    /// <summary>The ALIS of a municipality, from its index rows (one partition query).</summary>
    public async Task<IReadOnlyList<AlisEntry>> ListAlisAsync(string municipalityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalityId);
        var prefix = RecordKeys.AlisIndexPrefix + "|";
        var filter = TableFilter.And(
            TableFilter.PartitionKeyEquals(RecordKeys.MunicipalityPartition(municipalityId)),
            TableFilter.Create($"RowKey ge {prefix}"),
            TableFilter.Create($"RowKey lt {RecordKeys.PrefixEnd(prefix)}"));
        var entries = new List<AlisEntry>();
        await foreach (var row in Records.QueryAsync(TableQuery.Where(filter), cancellationToken))
        {
            entries.Add(new AlisEntry(
                municipalityId,
                row.GetString(MunicipalityRows.AlisIdProperty) ?? TableKeys.Unescape(row.RowKey[prefix.Length..]),
                row.GetString(MunicipalityRows.LeaderIdProperty) ?? string.Empty));
        }

        return entries;
    }

    /// <summary>Every municipality with stored records (the <c>municipalities</c> table).</summary>
    public async Task<IReadOnlyList<MunicipalityEntry>> ListMunicipalitiesAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<MunicipalityEntry>();
        await foreach (var row in storage.Municipalities.QueryAsync(TableQuery.Where(TableFilter.PartitionKeyEquals(RecordKeys.MunicipalitiesPartition)), cancellationToken))
        {
            entries.Add(new MunicipalityEntry(row.GetString("MunicipalityId") ?? TableKeys.Unescape(row.RowKey), row.GetString(MunicipalityRows.NameProperty) ?? string.Empty));
        }

        return entries;
    }

    /// <summary>
    /// Runs the body for every item, <see cref="RecordsRepositoryOptions.MaxConcurrency"/> at a time. After a failure no
    /// new item starts, but the requests already sent are not cancelled (only the caller's token does that): a cancelled
    /// request may still be applied by the service after the undo has looked, so the undo waits until every request in
    /// flight has answered.
    /// </summary>
    internal async Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<T>(items);
        var failures = new ConcurrentQueue<Exception>();
        async Task WorkAsync()
        {
            while (failures.IsEmpty && !cancellationToken.IsCancellationRequested && queue.TryDequeue(out var item))
            {
                try
                {
                    await body(item, cancellationToken);
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.MaxConcurrency)).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));
        if (failures.TryDequeue(out var failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Runs one save: read state, stage, flip, clean up; or undo.</summary>
    private sealed class SaveOperation(RecordsRepository repository, SavePlan plan, string batchId, DateTimeOffset now)
    {
        private static readonly TimeSpan UndoTimeout = TimeSpan.FromMinutes(2);

        private readonly ConcurrentBag<AlisPlan> staged = [];
        private readonly ConcurrentBag<(AlisPlan Alis, ETag ETag)> flipped = [];
        private readonly ConcurrentBag<(TableClient Table, TableEntity? Before, TableEntity After, ETag ETag)> upserted = [];
        private int rowsWritten;

        private TableClient Records => repository.Records;

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
                .Select(alis => new SavedAlis(alis.Rows.MunicipalityId, alis.Rows.AlisId, alis.Changed ? batchId : alis.Before!.Batch, alis.Changed))
                .ToList();
            return new RecordsSaveResult(saved, rowsWritten, deleted, cleanupFailures);
        }

        private async Task ReadStateAsync(CancellationToken cancellationToken)
        {
            await repository.ForEachAsync(plan.Alis, async (alis, token) =>
            {
                var entity = await Records.GetEntityIfExistsAsync(alis.Rows.PartitionKey, RecordKeys.Current, cancellationToken: token);
                alis.Before = CurrentPointer.From(entity);
            }, cancellationToken);
            await repository.ForEachAsync(plan.Municipalities, async (municipality, token) =>
            {
                municipality.Existing = (await TableBatches.ReadPartitionAsync(Records, municipality.PartitionKey, token))
                    .ToDictionary(row => row.RowKey, StringComparer.Ordinal);
                municipality.ExistingListEntry = await repository.storage.Municipalities.GetEntityIfExistsAsync(
                    municipality.ListEntry.PartitionKey, municipality.ListEntry.RowKey, cancellationToken: token);
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
                    .Where(row => !municipality.Existing.TryGetValue(row.RowKey, out var old) || !SameProperties(old, row))
                    .ToList();
                if (changedRows.Count > 0)
                {
                    var results = await TableBatches.SubmitAsync(Records, [.. changedRows.Select(row => TableTransactionAction.Upsert(row))], token);
                    foreach (var (row, result) in changedRows.Zip(results))
                    {
                        upserted.Add((Records, municipality.Existing.GetValueOrDefault(row.RowKey), row, result.ETag));
                    }

                    Interlocked.Add(ref rowsWritten, changedRows.Count);
                }

                if (municipality.ExistingListEntry is null || !SameProperties(municipality.ExistingListEntry, municipality.ListEntry))
                {
                    var etag = await repository.storage.Municipalities.UpsertEntityAsync(municipality.ListEntry, cancellationToken: token);
                    upserted.Add((repository.storage.Municipalities, municipality.ExistingListEntry, municipality.ListEntry, etag));
                    Interlocked.Increment(ref rowsWritten);
                }
            }, cancellationToken);
        }

        private async ValueTask StageAsync(AlisPlan alis, CancellationToken cancellationToken)
        {
            staged.Add(alis);
            var actions = alis.Rows.Rows.Select(row => TableTransactionAction.Upsert(row.ToEntity(alis.Rows.PartitionKey, batchId))).ToList();
            await TableBatches.SubmitAsync(Records, actions, cancellationToken);
            Interlocked.Add(ref rowsWritten, actions.Count);
        }

        private async ValueTask FlipAsync(AlisPlan alis, CancellationToken cancellationToken)
        {
            var pointer = CurrentPointer.Create(alis.Rows, batchId, now);
            ETag etag;
            try
            {
                etag = alis.Before is null
                    ? await Records.AddEntityAsync(pointer, cancellationToken)
                    : await Records.UpdateEntityAsync(pointer, alis.Before.ETag, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException exception) when (TableBatches.IsLostRace(exception))
            {
                throw new RecordsConflictException(alis.Key.MunicipalityId, alis.Key.AlisId, exception);
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
            return await TableBatches.DeleteAsync(Records, alis.Rows.PartitionKey, stale, cancellationToken);
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
                        await Records.DeleteEntityAsync(alis.Rows.PartitionKey, RecordKeys.Current, etag, cancellationToken);
                    }
                    else
                    {
                        await Records.UpdateEntityAsync(alis.Before.Entity, etag, cancellationToken: cancellationToken);
                    }
                });
            }

            await Parallel.ForEachAsync(staged, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (alis, token) =>
                await BestEffortAsync(async () =>
                {
                    var keys = await TableBatches.ListRowKeysAsync(
                        Records, alis.Rows.PartitionKey, RecordKeys.BatchStart(batchId), RecordKeys.BatchEnd(batchId), token);
                    await TableBatches.DeleteAsync(Records, alis.Rows.PartitionKey, keys, token);
                }));

            foreach (var (table, before, after, etag) in upserted)
            {
                await BestEffortAsync(async () =>
                {
                    if (before is null)
                    {
                        await table.DeleteEntityAsync(after.PartitionKey, after.RowKey, etag, cancellationToken);
                    }
                    else
                    {
                        await table.UpdateEntityAsync(before, etag, cancellationToken: cancellationToken);
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

        private static bool SameProperties(TableEntity left, TableEntity right) =>
            left.Properties.Count == right.Properties.Count
            && left.Properties.All(pair => right.Properties.TryGetValue(pair.Key, out var value) && Equals(pair.Value, value));
    }
}
