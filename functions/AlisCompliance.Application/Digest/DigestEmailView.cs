using AlisCompliance.Application.Email;

namespace AlisCompliance.Application.Digest;

/// <summary>What the digest templates print: every value already worded and formatted in Norwegian.</summary>
[TemplateView]
internal sealed record DigestEmailView(
    string Subject,
    string Heading,
    string Summary,
    IReadOnlyList<DigestGroupView> Groups,
    IReadOnlyList<DigestChangeView> Changes,
    IReadOnlyList<DigestAlisView> Alis,
    IReadOnlyList<DigestDeadlineView> Deadlines,
    string StatusPageUrl,
    string StatusPageText,
    string Footer);

[TemplateView]
internal sealed record DigestGroupView(string Label, string Colour, int Count, IReadOnlyList<DigestFindingView> Findings);

[TemplateView]
internal sealed record DigestFindingView(string Alis, string Title, string Message, string LegalLabel, string LegalReference, string FirstSeen);

[TemplateView]
internal sealed record DigestChangeView(string Date, string Alis, string Title, string Change);

[TemplateView]
internal sealed record DigestAlisView(
    string Heading,
    string Status,
    string StatusColour,
    string ChartCid,
    string ChartAlt,
    string ChartTitle,
    IReadOnlyList<DigestMonthView> Months,
    string MonthsText,
    string TrainingYear,
    string ServiceTime,
    int ServicePercent,
    string Goals,
    int GoalsPercent,
    string Regularity,
    string Veileder);

[TemplateView]
internal sealed record DigestMonthView(string Label, string Hours, bool Below);

[TemplateView]
internal sealed record DigestDeadlineView(string Date, string Description, string Alis, string DaysLeft);
