using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Stored records no longer pass the records validation (changed by hand, or the catalog no longer knows a goal code).
/// The message names the ALIS and the problems by id and path; never a name or an email.
/// </summary>
public sealed class StoredRecordsInvalidException : Exception
{
    public StoredRecordsInvalidException()
    {
        Errors = [];
    }

    public StoredRecordsInvalidException(string message)
        : base(message)
    {
        Errors = [];
    }

    public StoredRecordsInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public StoredRecordsInvalidException(string municipalityId, string alisId, IReadOnlyList<RecordsError> errors)
        : base($"The stored records of ALIS {alisId} in municipality {municipalityId} are invalid: {string.Join("; ", (errors ?? []).Take(5).Select(error => $"{error.Path} (id {error.RecordId})"))}")
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<RecordsError> Errors { get; }
}
