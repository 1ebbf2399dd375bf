using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Email;

/// <summary>
/// Everything an alert email says: which ALIS, which rule changed how, the numbers (the finding's Norwegian message),
/// the law, what the leader can do, the deadline if the rule has one, and the link to the status page.
/// <see cref="AlisName"/> and the recipient may appear in the leader's own email; logs carry ids only.
/// </summary>
public sealed record AlertEmailModel(
    string AlertId,
    string MunicipalityId,
    string MunicipalityName,
    string AlisId,
    string? AlisName,
    string RuleId,
    FindingTransitionKind Kind,
    Severity? Before,
    Severity? After,
    string? Message,
    string? LegalReference,
    string? LeaderAction,
    LocalDate? Deadline,
    LocalDate DetectedOn,
    Uri StatusPage,
    EmailRecipient Recipient);
