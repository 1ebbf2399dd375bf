using AlisCompliance.Storage.Ingest;

namespace AlisCompliance.Application.Ingest;

/// <summary>
/// The outcome of a supervision-log import: the problems (with line numbers) when it was refused, otherwise the ingest
/// of the merged records and how many sessions were added, updated or already there.
/// </summary>
public sealed record SupervisionImportResult(IReadOnlyList<string> Errors, IngestResult? Ingest, int Added, int Updated, int Unchanged)
{
    public bool IsAccepted => Errors.Count == 0 && Ingest is { IsAccepted: true };

    public static SupervisionImportResult Refused(IReadOnlyList<string> errors) => new(errors, null, 0, 0, 0);
}
