namespace AlisCompliance.Storage.Repositories;

/// <summary>Identifies one ALIS: ALIS ids are unique within a municipality.</summary>
public readonly record struct AlisKey(string MunicipalityId, string AlisId)
{
    public override string ToString() => $"{MunicipalityId}/{AlisId}";
}
