namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// An ALIS changed between reading its version and putting a new one in force (another ingest or import won the
/// <c>current</c> pointer's ETag). Nothing of this save is left in storage; load again and retry.
/// </summary>
public sealed class RecordsConflictException : Exception
{
    public RecordsConflictException()
        : base("The records changed while they were being saved.")
    {
    }

    public RecordsConflictException(string message)
        : base(message)
    {
    }

    public RecordsConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordsConflictException(string municipalityId, string alisId, Exception? innerException = null)
        : base($"ALIS {alisId} in municipality {municipalityId} was changed by another save at the same time; nothing of this save was kept.", innerException)
    {
        MunicipalityId = municipalityId;
        AlisId = alisId;
    }

    public string? MunicipalityId { get; }

    public string? AlisId { get; }
}
