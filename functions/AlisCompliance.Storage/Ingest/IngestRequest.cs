using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.Storage.Ingest;

/// <summary>Who ingests, how the audit names it, and (for a read-modify-write) the versions the records were based on.</summary>
public sealed record IngestRequest(IReadOnlyList<IngestFile> Files, string ActorId)
{
    public const string IngestAction = "records.ingest";

    /// <summary>The audit action, e.g. <c>records.ingest</c> or <c>supervision.import</c>.</summary>
    public string AuditAction { get; init; } = IngestAction;

    /// <summary>The batch each ALIS had when it was read (null: it did not exist); a different one in force means a conflict.</summary>
    public IReadOnlyDictionary<AlisKey, string?>? ExpectedBatches { get; init; }
}
