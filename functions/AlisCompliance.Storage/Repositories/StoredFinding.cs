using AlisCompliance.Core.Compliance;
using Azure;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The open finding of one rule for one ALIS, as stored: the finding, when it was first seen and last evaluated, by which rule set.</summary>
public sealed record StoredFinding(
    string MunicipalityId,
    string AlisId,
    string RuleId,
    string? Outcome,
    Severity Severity,
    string Message,
    string LegalReference,
    IReadOnlyList<string> Audience,
    string EvidenceJson,
    Instant FirstSeen,
    Instant LastEvaluated,
    string RuleSetVersion)
{
    public ETag ETag { get; init; }

    public OpenFinding ToOpenFinding() => new(RuleId, Severity);
}
