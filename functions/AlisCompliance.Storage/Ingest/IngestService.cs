using System.Text;
using System.Text.Json;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Repositories;
using NodaTime;

namespace AlisCompliance.Storage.Ingest;

/// <summary>
/// Takes records files in (the CLI and the IngestRecords function): validates every file with the same
/// <see cref="RecordsReader"/> as <c>check</c>, rejects the whole batch on any problem (listing them all, writing nothing),
/// otherwise saves each municipality and ALIS, writes the audit and enqueues one <c>alis-changed</c> per ALIS whose
/// stored records changed. Idempotent: the same records again leave the same stored state (an unchanged ALIS is neither
/// rewritten nor enqueued, unless the ingest that wrote it stopped before its message was sent). A storage failure while
/// saving undoes what was written and is rethrown; one after the save (audit, queue) is rethrown with the records in force:
/// sending the batch again is safe and finishes the job.
/// </summary>
public sealed class IngestService
{
    private readonly RecordsReader reader;
    private readonly RecordsRepository records;
    private readonly AuditLog audit;
    private readonly AlisChangedMessages queue;
    private readonly IClock clock;

    public IngestService(ComplianceStorage storage, RecordsReader reader, IClock clock, RecordsRepositoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        records = new RecordsRepository(storage, reader, clock, options);
        audit = new AuditLog(storage, clock);
        queue = new AlisChangedMessages(storage);
        MaxConcurrency = (options ?? new RecordsRepositoryOptions()).MaxConcurrency;
    }

    public RecordsRepository Records => records;

    private int MaxConcurrency { get; }

    /// <summary>Ingests one payload (an HTTP body): refused unread above <see cref="RecordsReader.MaxFileBytes"/>.</summary>
    public Task<IngestResult> IngestAsync(string source, ReadOnlyMemory<byte> payload, string actorId, CancellationToken cancellationToken = default)
    {
        if (payload.Length > RecordsReader.MaxFileBytes)
        {
            return Task.FromResult(IngestResult.Rejected([TooLarge(source, payload.Length)], 1));
        }

        string json;
        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(payload.Span);
        }
        catch (DecoderFallbackException)
        {
            return Task.FromResult(IngestResult.Rejected([new RecordsError(source, string.Empty, null, "er ikke gyldig UTF-8-tekst")], 1));
        }

        return IngestAsync(new IngestRequest([new IngestFile(source, json)], actorId), cancellationToken);
    }

    public Task<IngestResult> IngestAsync(IReadOnlyList<IngestFile> files, string actorId, CancellationToken cancellationToken = default) =>
        IngestAsync(new IngestRequest(files, actorId), cancellationToken);

    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ActorId))
        {
            throw new ArgumentException("An ingest needs the actor's id for the audit.", nameof(request));
        }
        var (valid, errors, contentHashes) = Validate(request.Files);
        if (errors.Count > 0)
        {
            return IngestResult.Rejected(errors, request.Files.Count);
        }

        var batchId = BatchIds.New(clock);
        RecordsSaveResult saved;
        try
        {
            saved = await records.SaveAsync(valid, batchId, request.ExpectedBatches, cancellationToken);
        }
        catch (RecordsConflictException conflict)
        {
            var message = $"ALIS {conflict.AlisId} i kommune {conflict.MunicipalityId} ble endret av en annen innsending samtidig; ingenting fra denne innsendingen er lagret. Send den på nytt.";
            return new IngestResult(IngestOutcome.Conflict, [new RecordsError(string.Empty, string.Empty, conflict.AlisId, message)], IngestCounts.None with { Files = request.Files.Count }, []);
        }

        foreach (var municipality in valid)
        {
            var alis = saved.Alis.Where(entry => string.Equals(entry.MunicipalityId, municipality.Municipality.Id, StringComparison.Ordinal)).ToList();
            await audit.WriteAsync(
                request.ActorId,
                request.AuditAction,
                RecordKeys.MunicipalityPartition(municipality.Municipality.Id),
                AuditDetails(batchId, alis),
                contentHashes[municipality.Municipality.Id],
                cancellationToken);
        }

        var toQueue = saved.Alis.Where(alis => alis.NeedsQueue).ToList();
        var sent = await queue.SendAllAsync([.. toQueue.Select(alis => new AlisChangedMessage(alis.MunicipalityId, alis.AlisId, alis.BatchId))], MaxConcurrency, cancellationToken);
        await records.MarkQueuedAsync(toQueue, cancellationToken);
        var counts = new IngestCounts(
            request.Files.Count, valid.Count, saved.Alis.Count, saved.Alis.Count(alis => alis.Changed), saved.RowsWritten, saved.RowsDeleted, sent);
        return new IngestResult(IngestOutcome.Accepted, [], counts, saved.Alis);
    }

    /// <summary>Every problem of every file, then the checks across files and of what storage can hold.</summary>
    /// <returns>The valid files' records, every problem, and each municipality's file's <see cref="ContentHash"/> for the audit.</returns>
    private (List<MunicipalityRecords> Valid, List<RecordsError> Errors, Dictionary<string, string> ContentHashes) Validate(IReadOnlyList<IngestFile> files)
    {
        var valid = new List<(string Source, MunicipalityRecords Records, string Hash)>();
        var errors = new List<RecordsError>();
        if (files.Count == 0)
        {
            errors.Add(new RecordsError(string.Empty, string.Empty, null, "innsendingen har ingen filer"));
        }

        foreach (var file in files)
        {
            if (file.Problem is not null)
            {
                errors.Add(new RecordsError(file.Source, string.Empty, null, file.Problem));
                continue;
            }

            var bytes = Encoding.UTF8.GetByteCount(file.Json);
            if (bytes > RecordsReader.MaxFileBytes)
            {
                errors.Add(TooLarge(file.Source, bytes));
                continue;
            }

            var read = reader.Read(file.Source, file.Json);
            if (read.IsValid)
            {
                valid.Add((file.Source, read.Records!, ContentHash.Of(file.Json)));
            }
            else
            {
                errors.AddRange(read.Errors);
            }
        }

        foreach (var group in valid.GroupBy(file => file.Records.Municipality.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var sources = string.Join(", ", group.Select(file => file.Source));
            errors.Add(new RecordsError(group.Last().Source, "municipality.id", group.Key, $"kommunen finnes i flere filer i samme innsending ({sources}); send én fil per kommune"));
        }

        foreach (var (source, municipality, _) in valid)
        {
            errors.AddRange(RecordsStorageCheck.Check(source, municipality));
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in valid)
        {
            hashes[file.Records.Municipality.Id] = file.Hash;
        }

        return ([.. valid.Select(file => file.Records)], errors, hashes);
    }

    private static RecordsError TooLarge(string source, long bytes) =>
        new(source, string.Empty, null, $"{RecordsReader.TooLarge("filen", bytes, RecordsReader.MaxFileBytes)}, og den er ikke lest");

    private static string AuditDetails(string batchId, IReadOnlyList<SavedAlis> alis) => JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["batchId"] = batchId,
        ["changed"] = alis.Where(entry => entry.Changed).Select(entry => entry.AlisId).ToArray(),
        ["unchanged"] = alis.Count(entry => !entry.Changed),
    });
}
