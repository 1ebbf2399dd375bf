using NodaTime;

namespace AlisCompliance.Core.Compliance.Impact;

/// <summary>The difference two rule-set versions make as of one date: only municipalities and ALIS with a change are listed.</summary>
public sealed record ImpactReport(LocalDate AsOf, string FromVersion, string ToVersion, IReadOnlyList<MunicipalityImpact> Municipalities)
{
    public int AlisChanged => Municipalities.Sum(municipality => municipality.Alis.Count);

    public int FindingsGained => Municipalities.Sum(municipality => municipality.Alis.Sum(alis => alis.Gained.Count));

    public int FindingsLost => Municipalities.Sum(municipality => municipality.Alis.Sum(alis => alis.Lost.Count));

    public int FindingsChanged => Municipalities.Sum(municipality => municipality.Alis.Sum(alis => alis.Changed.Count));

    public bool HasChanges => Municipalities.Count > 0;
}
