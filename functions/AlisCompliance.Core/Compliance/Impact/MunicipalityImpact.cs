namespace AlisCompliance.Core.Compliance.Impact;

/// <summary>The ALIS of one municipality whose findings a rule change would alter.</summary>
public sealed record MunicipalityImpact(string MunicipalityId, IReadOnlyList<AlisImpact> Alis);
