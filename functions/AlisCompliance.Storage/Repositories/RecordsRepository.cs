using System.Collections.Concurrent;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using Azure.Data.Tables;
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

    internal ComplianceStorage Storage => storage;

    internal TableClient Records => storage.Records;

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
        var save = new RecordsSaveOperation(this, plan, batchId, clock.GetCurrentInstant().ToDateTimeOffset());
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
        var range = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {RecordKeys.PrefixEnd(prefix)}");
        for (var attempt = 1; attempt <= options.MaxReadAttempts; attempt++)
        {
            var municipalityRead = TableBatches.ReadPartitionAsync(Records, RecordKeys.MunicipalityPartition(municipalityId), cancellationToken);
            var alisRows = await TableBatches.QueryAsync(Records, range, cancellationToken);
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

    /// <summary>Records that these ALIS's versions in force have been queued for evaluation.</summary>
    public Task MarkQueuedAsync(IReadOnlyList<SavedAlis> alis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alis);
        return ForEachAsync(
            alis,
            async (entry, token) => await TableRows.MergeExistingAsync(Records, CurrentPointer.MarkQueued(RecordKeys.AlisPartition(entry.MunicipalityId, entry.AlisId)), token),
            cancellationToken);
    }

    /// <summary>The ALIS of a municipality, from its index rows (one partition query).</summary>
    public async Task<IReadOnlyList<AlisEntry>> ListAlisAsync(string municipalityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(municipalityId);
        var prefix = RecordKeys.AlisIndexPrefix + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {RecordKeys.MunicipalityPartition(municipalityId)} and RowKey ge {prefix} and RowKey lt {RecordKeys.PrefixEnd(prefix)}");
        var entries = new List<AlisEntry>();
        foreach (var row in await TableBatches.QueryAsync(Records, filter, cancellationToken))
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
        foreach (var row in await TableBatches.ReadPartitionAsync(storage.Municipalities, RecordKeys.MunicipalitiesPartition, cancellationToken))
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
}
