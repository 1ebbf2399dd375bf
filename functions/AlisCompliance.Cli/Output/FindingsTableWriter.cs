using System.Text;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Cli.Output;

/// <summary>Findings for people: grouped per ALIS, the ALIS with the worst findings first, in Norwegian.</summary>
internal static class FindingsTableWriter
{
    private const int LabelWidth = 18;

    public static string Write(ComplianceReport report)
    {
        var text = new StringBuilder();
        text.Append("Samsvarssjekk per ").Append(NorwegianFormat.Date(report.AsOf))
            .Append(" · regelsett ").Append(report.RuleSetVersion)
            .Append(" (").Append(report.RuleCount).Append(" regler) · ")
            .Append(report.AlisEvaluated).AppendLine(" ALIS vurdert");
        text.AppendLine();

        var perAlis = report.Findings
            .GroupBy(finding => (finding.MunicipalityId, finding.AlisId))
            .OrderByDescending(group => group.Max(finding => finding.Severity))
            .ThenByDescending(group => group.Count(finding => finding.Severity == Severity.Violation))
            .ThenByDescending(group => group.Count())
            .ThenBy(group => group.Key.AlisId, StringComparer.Ordinal);

        foreach (var group in perAlis)
        {
            text.Append(group.Key.AlisId).Append(" (kommune ").Append(group.Key.MunicipalityId).Append("): ")
                .AppendLine(Summary(group.ToList()));
            foreach (var finding in group.OrderByDescending(finding => finding.Severity).ThenBy(finding => finding.RuleId, StringComparer.Ordinal))
            {
                text.Append("  ").Append(SeverityNames.Norwegian(finding.Severity).ToUpperInvariant().PadRight(LabelWidth - 2))
                    .Append(finding.RuleId).AppendLine();
                text.Append(new string(' ', LabelWidth)).AppendLine(finding.Message);
                // The same label as the emails: a recommendation or a research finding is no legal basis (hjemmel).
                text.Append(new string(' ', LabelWidth)).Append(LegalReferenceLabel.For(finding.LegalReference)).Append(": ").AppendLine(finding.LegalReference);
            }

            text.AppendLine();
        }

        if (report.Findings.Count == 0)
        {
            text.AppendLine("Ingen funn: alle ALIS oppfyller reglene per denne datoen.");
        }
        else
        {
            text.Append("Totalt: ").AppendLine(Summary(report.Findings));
        }

        return text.ToString();
    }

    private static string Summary(IReadOnlyCollection<Finding> findings)
    {
        var violations = findings.Count(finding => finding.Severity == Severity.Violation);
        var warnings = findings.Count(finding => finding.Severity == Severity.Warning);
        var infos = findings.Count(finding => finding.Severity == Severity.Info);
        return $"{violations} brudd, {warnings} {(warnings == 1 ? "advarsel" : "advarsler")}, {infos} til orientering";
    }
}
