using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance.Impact;
using AlisCompliance.Core.Records.Reading;
using NodaTime.Text;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// The machine contract of `rules diff --format json` (documented in README): add fields, never rename. Findings have
/// the shape of `check --format json`'s; only municipalities and ALIS with a change are listed.
/// </summary>
internal static class ImpactJsonWriter
{
    public static string Write(ImpactReport report, IReadOnlyList<RecordsError> fileErrors)
    {
        var document = new JsonObject
        {
            ["asOf"] = LocalDatePattern.Iso.Format(report.AsOf),
            ["from"] = new JsonObject { ["version"] = report.FromVersion },
            ["to"] = new JsonObject { ["version"] = report.ToVersion },
            ["hasChanges"] = report.HasChanges,
            ["totals"] = new JsonObject
            {
                ["alisChanged"] = report.AlisChanged,
                ["findingsGained"] = report.FindingsGained,
                ["findingsLost"] = report.FindingsLost,
                ["findingsChanged"] = report.FindingsChanged,
            },
            ["municipalities"] = new JsonArray([.. report.Municipalities.Select(municipality => (JsonNode)new JsonObject
            {
                ["municipalityId"] = municipality.MunicipalityId,
                ["alis"] = new JsonArray([.. municipality.Alis.Select(Alis)]),
            })]),
            ["rejectedFiles"] = FindingsJsonWriter.RejectedFiles(fileErrors),
        };
        return FindingsJsonWriter.Text(document);
    }

    private static JsonNode Alis(AlisImpact alis) => new JsonObject
    {
        ["alisId"] = alis.AlisId,
        ["gained"] = new JsonArray([.. alis.Gained.Select(FindingsJsonWriter.Finding)]),
        ["lost"] = new JsonArray([.. alis.Lost.Select(FindingsJsonWriter.Finding)]),
        ["changed"] = new JsonArray([.. alis.Changed.Select(change => (JsonNode)new JsonObject
        {
            ["ruleId"] = change.After.RuleId,
            ["before"] = FindingsJsonWriter.Finding(change.Before),
            ["after"] = FindingsJsonWriter.Finding(change.After),
        })]),
        ["errors"] = new JsonArray([.. alis.Errors.Select(error => (JsonNode)new JsonObject
        {
            ["ruleId"] = error.RuleId,
            ["message"] = $"Regelen kunne ikke vurderes: {error.Message}",
        })]),
    };
}
