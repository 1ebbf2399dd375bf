using System.Globalization;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Status;

/// <summary>
/// The status page a leader opens on a phone: one self-contained HTML page (no scripts, no external resources), in
/// Norwegian, the worst ALIS first, severity written out in words as well as shown in colour.
/// </summary>
public static class StatusPageRenderer
{
    private const string Template = "status.html.liquid";

    public static string Render(StatusPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var counts = new[] { Severity.Violation, Severity.Warning, Severity.Info }
            .Select(severity => new StatusCountView(
                SeverityNames.Norwegian(severity),
                model.Alis.Sum(alis => alis.Findings.Count(finding => finding.Severity == severity)),
                SeverityNames.Code(severity)))
            .ToList();
        var withFindings = model.Alis.Count(alis => alis.Findings.Count > 0);
        var view = new StatusPageView(
            $"ALIS-status – {model.MunicipalityName}",
            $"Status for ALIS i {model.MunicipalityName}",
            NorwegianFormat.Date(model.AsOf),
            string.Create(CultureInfo.InvariantCulture, $"{model.Alis.Count} ALIS, {withFindings} med åpne avvik."),
            counts,
            [
                .. model.Alis
                    .OrderByDescending(alis => alis.Worst is { } worst ? (int)worst : 0)
                    .ThenBy(alis => alis.AlisId, StringComparer.Ordinal)
                    .Select(AlisView),
            ])
        {
            Undelivered =
            [
                .. model.UndeliveredAlerts.Select(alert => new StatusUndeliveredView(
                    alert.AlisId,
                    Capitalise(RuleWordings.For(alert.RuleId).Title),
                    alert.Reason,
                    NorwegianFormat.Date(alert.DetectedAt.InZone(OsloClock.Oslo).Date))),
            ],
        };
        return LiquidTemplates.RenderHtml(Template, view);
    }

    /// <summary>The page for a link to a municipality that has no stored records.</summary>
    public static string RenderNotFound(string municipalityId, LocalDate asOf) =>
        LiquidTemplates.RenderHtml(Template, new StatusPageView(
            "ALIS-status – ukjent kommune",
            $"Fant ingen kommune med id {municipalityId}",
            NorwegianFormat.Date(asOf),
            "Sjekk lenken, eller be kommunens fagsystem sende inn ALIS-dataene først.",
            [],
            []));

    private static StatusAlisView AlisView(AlisStatus alis) => new(
        alis.Name is { Length: > 0 } name ? $"{name} ({alis.AlisId})" : alis.AlisId,
        alis.Worst is { } worst
            ? string.Create(CultureInfo.InvariantCulture, $"{SeverityNames.Norwegian(worst)} · {alis.Findings.Count} {(alis.Findings.Count == 1 ? "åpent avvik" : "åpne avvik")}")
            : "Alt i orden",
        alis.Worst is { } severity ? SeverityNames.Code(severity) : "ok",
        [
            .. alis.Findings
                .OrderByDescending(finding => finding.Severity)
                .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                .Select(finding => new StatusFindingView(
                    SeverityNames.Norwegian(finding.Severity),
                    SeverityNames.Code(finding.Severity),
                    Capitalise(RuleWordings.For(finding.RuleId).Title),
                    finding.Message,
                    LegalReferenceLabel.For(finding.LegalReference),
                    finding.LegalReference,
                    NorwegianFormat.Date(finding.FirstSeen.InZone(OsloClock.Oslo).Date),
                    finding.RuleId)),
        ]);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
