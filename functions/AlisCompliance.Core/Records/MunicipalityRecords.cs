namespace AlisCompliance.Core.Records;

/// <summary>One municipality's training records: what one records file holds.</summary>
public sealed record MunicipalityRecords(
    Municipality Municipality,
    IReadOnlyList<Veileder> Veiledere,
    IReadOnlyList<AlisRecord> Alis);
