namespace AlisCompliance.Core.Records.Reading;

/// <summary>Either the records of one file, or every problem found in it: never both.</summary>
public sealed record RecordsReadResult(MunicipalityRecords? Records, IReadOnlyList<RecordsError> Errors)
{
    public bool IsValid => Records is not null && Errors.Count == 0;
}
