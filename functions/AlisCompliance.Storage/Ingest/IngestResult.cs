using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.Storage.Ingest;

public enum IngestOutcome
{
    /// <summary>Every file was valid and every ALIS is stored and enqueued.</summary>
    Accepted,

    /// <summary>Some file had a problem: nothing was written; <see cref="IngestResult.Errors"/> lists every problem.</summary>
    Rejected,

    /// <summary>Another ingest changed an ALIS of this batch at the same time: nothing of this batch was kept; send it again.</summary>
    Conflict,
}

/// <summary>What an ingest counted.</summary>
/// <param name="Files">Files in the batch.</param>
/// <param name="Municipalities">Municipalities in the batch.</param>
/// <param name="Alis">ALIS in the batch.</param>
/// <param name="AlisChanged">ALIS written as a new version.</param>
/// <param name="RowsWritten">Table rows inserted or replaced.</param>
/// <param name="RowsDeleted">Rows of replaced versions deleted.</param>
/// <param name="MessagesSent"><c>alis-changed</c> messages sent.</param>
public sealed record IngestCounts(int Files, int Municipalities, int Alis, int AlisChanged, int RowsWritten, int RowsDeleted, int MessagesSent)
{
    public static IngestCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public int AlisUnchanged => Alis - AlisChanged;
}

/// <summary>The outcome of an ingest: accepted with what was stored, or rejected/conflict with every problem.</summary>
public sealed record IngestResult(IngestOutcome Outcome, IReadOnlyList<RecordsError> Errors, IngestCounts Counts, IReadOnlyList<SavedAlis> AlisTouched)
{
    public bool IsAccepted => Outcome == IngestOutcome.Accepted;

    public static IngestResult Rejected(IReadOnlyList<RecordsError> errors, int files) =>
        new(IngestOutcome.Rejected, errors, IngestCounts.None with { Files = files }, []);
}
