using System.Globalization;
using System.Text;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// An impact report as text for the terminal, in Norwegian: per municipality, per ALIS, one line per finding gained
/// (<c>+ RULE (alvorlighet): melding</c>), lost (<c>− RULE</c>), changed (<c>~ RULE: advarsel → brudd</c>) or failing to
/// evaluate (<c>! RULE: …</c>). Ids only, never names.
/// </summary>
public static class ImpactTable
{
    public static string Write(ImpactReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var asOf = report.AsOf.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"Virkning per {asOf}, versjon {report.FromVersion} → {report.ToVersion}: ");
        if (!report.HasChanges)
        {
            return text.AppendLine("ingen ALIS får endrede funn.").ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.AlisChanged} ALIS endres ({report.FindingsGained} nye funn, {report.FindingsLost} borte, {report.FindingsChanged} endret).");
        foreach (var municipality in report.Municipalities)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Kommune {municipality.MunicipalityId}");
            foreach (var alis in municipality.Alis)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {alis.AlisId}");
                foreach (var finding in alis.Gained)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    + {finding.RuleId} ({Severity(finding.Severity)}): {finding.Message}");
                }

                foreach (var finding in alis.Lost)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    − {finding.RuleId}");
                }

                foreach (var change in alis.Changed)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    ~ {change.After.RuleId}: {Severity(change.Before.Severity)} → {Severity(change.After.Severity)}");
                }

                foreach (var error in alis.Errors)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"    ! {error.RuleId}: feil ved vurdering: {error.Message}");
                }
            }
        }

        return text.ToString();
    }

    private static string Severity(Severity severity) => SeverityNames.Norwegian(severity).ToLowerInvariant();
}
