using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Status;

/// <summary>A municipality's open findings and each ALIS's status: what ComplianceStatus answers, as JSON or HTML.</summary>
public sealed record StatusPageModel(
    string MunicipalityId,
    string MunicipalityName,
    LocalDate AsOf,
    IReadOnlyList<AlisStatus> Alis)
{
    /// <summary>Alerts that never reached the leader (no address, refused, or unconfirmed): the page is where they stay visible.</summary>
    public IReadOnlyList<UndeliveredAlert> UndeliveredAlerts { get; init; } = [];
}

/// <summary>An alert email that did not get through, and why, in Norwegian.</summary>
public sealed record UndeliveredAlert(string AlisId, string RuleId, FindingTransitionKind Kind, Severity? Severity, string Reason, Instant DetectedAt);

/// <summary>One ALIS: the worst open severity (null when all rules pass) and the open findings, worst first.</summary>
public sealed record AlisStatus(string AlisId, string? Name, Severity? Worst, IReadOnlyList<StatusFinding> Findings);

/// <summary>An open finding as the leader sees it.</summary>
public sealed record StatusFinding(string RuleId, Severity Severity, string Message, string LegalReference, Instant FirstSeen);
