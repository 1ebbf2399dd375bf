using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;
using NodaTime.Text;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// The machine contract of `check --format json`. Field names and shapes are stable: add, never rename.
/// </summary>
internal static class FindingsJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ComplianceReport report)
    {
        var findings = new JsonArray();
        foreach (var finding in report.Findings)
        {
            findings.Add(new JsonObject
            {
                ["alisId"] = finding.AlisId,
                ["municipalityId"] = finding.MunicipalityId,
                ["ruleId"] = finding.RuleId,
                ["severity"] = SeverityNames.Code(finding.Severity),
                ["message"] = finding.Message,
                ["legalReference"] = finding.LegalReference,
                ["evidence"] = finding.Evidence.DeepClone(),
            });
        }

        var document = new JsonObject
        {
            ["asOf"] = LocalDatePattern.Iso.Format(report.AsOf),
            ["ruleSet"] = new JsonObject { ["version"] = report.RuleSetVersion, ["rules"] = report.RuleCount },
            ["findings"] = findings,
        };
        return document.ToJsonString(Options);
    }
}
