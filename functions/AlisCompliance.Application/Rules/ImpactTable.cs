using System.Text;
using AlisCompliance.Application.Text;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// What a rule change would do, for people on a narrow terminal: per municipality the ALIS whose findings change,
/// one line a change (+ gained, − lost, ~ changed, ! rule error), then the totals. Norwegian; text from the rule
/// files and records is made terminal-safe here, so every caller prints it as it is.
/// </summary>
public static class ImpactTable
{
    private const string Indent = "    ";
    private const string DetailIndent = "      ";

    public static string Write(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Virkning av regelendringen per ").AppendLine(NorwegianFormat.Date(report.AsOf));
        text.Append("Regelsett ").Append(TerminalText.Safe(report.FromVersion)).Append(" → ").AppendLine(TerminalText.Safe(report.ToVersion));
        text.AppendLine();
        if (!report.HasChanges)
        {
            text.AppendLine("Ingen endringer: alle ALIS får de samme funnene med begge regelsettene.");
            return text.ToString();
        }

        foreach (var municipality in report.Municipalities)
        {
            text.Append("Kommune ").AppendLine(TerminalText.Safe(municipality.MunicipalityId));
            foreach (var alis in municipality.Alis)
            {
                text.Append("  ").AppendLine(TerminalText.Safe(alis.AlisId));
                WriteAlis(text, alis);
            }

            text.AppendLine();
        }

        text.Append("Totalt: ").AppendLine(Totals(report));
        return text.ToString();
    }

    private static void WriteAlis(StringBuilder text, AlisImpact alis)
    {
        foreach (var finding in alis.Gained)
        {
            text.Append(Indent).Append("+ ").Append(TerminalText.Safe(finding.RuleId)).Append(' ').Append(SeverityWord(finding.Severity)).Append(": ")
                .AppendLine(TerminalText.Safe(finding.Message));
        }

        foreach (var finding in alis.Lost)
        {
            text.Append(Indent).Append("− ").Append(TerminalText.Safe(finding.RuleId)).Append(" (var ").Append(SeverityWord(finding.Severity)).AppendLine(")");
        }

        foreach (var change in alis.Changed)
        {
            var (before, after) = (change.Before, change.After);
            text.Append(Indent).Append("~ ").Append(TerminalText.Safe(before.RuleId)).Append(": ").Append(SeverityWord(before.Severity));
            text.AppendLine(before.Severity == after.Severity ? " (uendret alvorlighet)" : $" → {SeverityWord(after.Severity)}");
            if (!string.Equals(before.Message, after.Message, StringComparison.Ordinal))
            {
                text.Append(DetailIndent).Append("ny melding: ").AppendLine(TerminalText.Safe(after.Message));
            }

            if (!string.Equals(before.LegalReference, after.LegalReference, StringComparison.Ordinal))
            {
                text.Append(DetailIndent).Append("ny henvisning: ").AppendLine(TerminalText.Safe(after.LegalReference));
            }
        }

        foreach (var error in alis.Errors)
        {
            text.Append(Indent).Append("! ").Append(TerminalText.Safe(error.RuleId)).Append(" kan ikke vurderes med de nye reglene: ")
                .AppendLine(TerminalText.Safe(error.Message));
        }
    }

    /// <summary>"3 ALIS endres: 2 nye funn, 1 funn forsvinner, 1 endret"; kinds of change that did not happen are left out.</summary>
    private static string Totals(ImpactReport report)
    {
        var errors = report.Municipalities.Sum(municipality => municipality.Alis.Sum(alis => alis.Errors.Count));
        var parts = new List<string>();
        if (report.FindingsGained > 0)
        {
            parts.Add(NorwegianCount.Of(report.FindingsGained, "nytt funn", "nye funn"));
        }

        if (report.FindingsLost > 0)
        {
            parts.Add($"{NorwegianFormat.WholeNumber(report.FindingsLost)} funn forsvinner");
        }

        if (report.FindingsChanged > 0)
        {
            parts.Add($"{NorwegianFormat.WholeNumber(report.FindingsChanged)} endret");
        }

        if (errors > 0)
        {
            parts.Add($"{NorwegianFormat.WholeNumber(errors)} regelfeil");
        }

        return $"{NorwegianFormat.WholeNumber(report.AlisChanged)} ALIS endres: {string.Join(", ", parts)}";
    }

    private static string SeverityWord(Severity severity) => SeverityNames.Norwegian(severity).ToLowerInvariant();
}
