using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records.Reading;
using NodaTime.Text;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// The machine contract of `check --format json`. Field names and shapes are stable: add, never rename. Besides the
/// findings it tells what was not evaluated: rule errors (<c>errors</c>) and files refused whole (<c>rejectedFiles</c>);
/// beyond <see cref="ReportLimits"/> it says how many findings and errors were left out (<c>truncated</c>).
/// </summary>
internal static class FindingsJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ComplianceReport report, IReadOnlyList<RecordsError> fileErrors, ReportLimits limits)
    {
        var document = new JsonObject
        {
            ["asOf"] = LocalDatePattern.Iso.Format(report.AsOf),
            ["ruleSet"] = new JsonObject { ["version"] = report.RuleSetVersion, ["rules"] = report.RuleCount },
            ["findings"] = new JsonArray([.. report.Findings.Take(limits.MaxFindings).Select(Finding)]),
            ["errors"] = new JsonArray([.. report.Errors.Take(limits.MaxErrors).Select(error => (JsonNode)new JsonObject
            {
                ["alisId"] = error.AlisId,
                ["municipalityId"] = error.MunicipalityId,
                ["ruleId"] = error.RuleId,
                ["message"] = $"Regelen kunne ikke vurderes: {error.Message}",
            })]),
            ["rejectedFiles"] = RejectedFiles(fileErrors),
            ["alisEvaluated"] = report.AlisEvaluated,
        };
        if (limits.Truncates(report))
        {
            document["truncated"] = new JsonObject
            {
                ["findings"] = limits.FindingsLeftOut(report),
                ["errors"] = limits.ErrorsLeftOut(report),
                ["message"] = limits.LeftOutNotice(report),
            };
        }

        return Text(document);
    }

    /// <summary>Indented, with Norwegian letters as they are.</summary>
    public static string Text(JsonNode document) => document.ToJsonString(Options);

    public static JsonNode Finding(Finding finding) => new JsonObject
    {
        ["alisId"] = finding.AlisId,
        ["municipalityId"] = finding.MunicipalityId,
        ["ruleId"] = finding.RuleId,
        ["severity"] = SeverityNames.Code(finding.Severity),
        ["message"] = finding.Message,
        ["legalReference"] = finding.LegalReference,
        ["evidence"] = finding.Evidence.DeepClone(),
    };

    public static JsonArray RejectedFiles(IReadOnlyList<RecordsError> fileErrors) =>
        new([.. fileErrors.GroupBy(error => error.Source, StringComparer.Ordinal).Select(file => (JsonNode)new JsonObject
        {
            ["file"] = file.Key,
            ["problems"] = new JsonArray([.. file.Select(problem => (JsonNode)new JsonObject
            {
                ["path"] = problem.Path,
                ["recordId"] = problem.RecordId,
                ["message"] = problem.Message,
            })]),
        })]);
}
