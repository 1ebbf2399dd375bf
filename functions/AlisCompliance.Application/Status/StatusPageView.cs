using AlisCompliance.Application.Email;

namespace AlisCompliance.Application.Status;

/// <summary>What the status page template prints: every value already worded and formatted in Norwegian.</summary>
[TemplateView]
internal sealed record StatusPageView(string Title, string Heading, string AsOf, string Summary, IReadOnlyList<StatusCountView> Counts, IReadOnlyList<StatusAlisView> Alis)
{
    public IReadOnlyList<StatusUndeliveredView> Undelivered { get; init; } = [];
}

[TemplateView]
internal sealed record StatusUndeliveredView(string AlisId, string Title, string Reason, string DetectedOn);

[TemplateView]
internal sealed record StatusCountView(string Label, int Count, string Css);

[TemplateView]
internal sealed record StatusAlisView(string Heading, string Status, string Css, IReadOnlyList<StatusFindingView> Findings);

[TemplateView]
internal sealed record StatusFindingView(string Severity, string Css, string Title, string Message, string LegalLabel, string LegalReference, string FirstSeen, string RuleId);
