using System.Text.Json.Nodes;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// A rule an ALIS fails on the as-of date: what, how bad, in Norwegian, with the law it comes from and the
/// values the decision rested on (the rule's local parameters).
/// </summary>
public sealed record Finding(
    string AlisId,
    string MunicipalityId,
    string RuleId,
    string? Outcome,
    Severity Severity,
    string Message,
    string LegalReference,
    IReadOnlyList<string> Audience,
    JsonObject Evidence);
