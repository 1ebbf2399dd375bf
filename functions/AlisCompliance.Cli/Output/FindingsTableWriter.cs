using System.Text;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Cli.Output;

/// <summary>Findings for people: grouped per ALIS, the ALIS with the worst findings first, in Norwegian.</summary>
internal static class FindingsTableWriter
{
    private const int LabelWidth = 18;

    public static string Write(ComplianceReport report, IReadOnlyList<RecordsError> fileErrors, ReportLimits limits)
    {
        var text = new StringBuilder();
        text.Append("Samsvarssjekk per ").Append(NorwegianFormat.Date(report.AsOf))
            .Append(" · regelsett ").Append(report.RuleSetVersion)
            .Append(" (").Append(NorwegianCount.Of(report.RuleCount, "regel", "regler")).Append(") · ")
            .Append(NorwegianFormat.WholeNumber(report.AlisEvaluated)).AppendLine(" ALIS vurdert");
        text.AppendLine();

        var perAlis = report.Findings
            .GroupBy(finding => (finding.MunicipalityId, finding.AlisId))
            .OrderByDescending(group => group.Max(finding => finding.Severity))
            .ThenByDescending(group => group.Count(finding => finding.Severity == Severity.Violation))
            .ThenByDescending(group => group.Count())
            .ThenBy(group => group.Key.AlisId, StringComparer.Ordinal);

        var room = limits.MaxFindings;
        foreach (var group in perAlis.TakeWhile(_ => room > 0))
        {
            var shown = group.OrderByDescending(finding => finding.Severity).ThenBy(finding => finding.RuleId, StringComparer.Ordinal).Take(room).ToList();
            room -= shown.Count;
            text.Append(TerminalText.Safe(group.Key.AlisId)).Append(" (kommune ").Append(TerminalText.Safe(group.Key.MunicipalityId)).Append("): ")
                .AppendLine(Summary(group.ToList()));
            foreach (var finding in shown)
            {
                text.Append("  ").Append(SeverityNames.Norwegian(finding.Severity).ToUpperInvariant().PadRight(LabelWidth - 2))
                    .Append(TerminalText.Safe(finding.RuleId)).AppendLine();
                text.Append(new string(' ', LabelWidth)).AppendLine(TerminalText.Safe(finding.Message));
                // The same label as the emails: a recommendation or a research finding is no legal basis (hjemmel).
                text.Append(new string(' ', LabelWidth)).Append(LegalReferenceLabel.For(finding.LegalReference)).Append(": ")
                    .AppendLine(TerminalText.Safe(finding.LegalReference));
            }

            text.AppendLine();
        }

        var rejectedFiles = fileErrors.Select(error => error.Source).Distinct(StringComparer.Ordinal).Count();
        var everythingEvaluated = rejectedFiles == 0 && report.Errors.Count == 0;
        if (report.Findings.Count == 0)
        {
            text.AppendLine(everythingEvaluated
                ? "Ingen funn: alle ALIS oppfyller reglene per denne datoen."
                : "Ingen funn blant det som ble vurdert, men ikke alt ble vurdert: se feilene.");
        }
        else
        {
            text.Append("Totalt: ").AppendLine(Summary(report.Findings));
        }

        text.Append("Vurdert: ").Append(NorwegianFormat.WholeNumber(report.AlisEvaluated)).Append(" ALIS · ")
            .Append(NorwegianCount.Of(rejectedFiles, "fil", "filer")).Append(" avvist · ")
            .Append(NorwegianFormat.WholeNumber(report.Errors.Count)).AppendLine(" regelfeil");
        if (limits.LeftOutNotice(report) is { } notice)
        {
            text.AppendLine(notice);
        }

        return text.ToString();
    }

    private static string Summary(IReadOnlyCollection<Finding> findings)
    {
        var violations = findings.Count(finding => finding.Severity == Severity.Violation);
        var warnings = findings.Count(finding => finding.Severity == Severity.Warning);
        var infos = findings.Count(finding => finding.Severity == Severity.Info);
        return $"{NorwegianFormat.WholeNumber(violations)} brudd, {NorwegianCount.Of(warnings, "advarsel", "advarsler")}, {NorwegianFormat.WholeNumber(infos)} til orientering";
    }
}
