using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Explain;
using NodaTime.Text;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// The machine contract of `rules explain --format json` (documented in README): add fields, never rename. Values are
/// plain JSON as in the findings' evidence (ISO dates, numbers, lists).
/// </summary>
internal static class ExplainJsonWriter
{
    public static string Write(AlisExplanation explanation)
    {
        var document = new JsonObject
        {
            ["alisId"] = explanation.AlisId,
            ["municipalityId"] = explanation.MunicipalityId,
            ["scheme"] = explanation.Scheme.ToString().ToLowerInvariant(),
            ["asOf"] = LocalDatePattern.Iso.Format(explanation.AsOf),
            ["inTraining"] = explanation.InTraining,
            ["ruleSet"] = new JsonObject { ["version"] = explanation.RuleSetVersion },
            ["rules"] = new JsonArray([.. explanation.Rules.Select(Rule)]),
        };
        return FindingsJsonWriter.Text(document);
    }

    private static JsonNode Rule(RuleExplanation rule) => new JsonObject
    {
        ["ruleId"] = rule.Rule.Name,
        ["path"] = rule.Rule.Path,
        ["verdict"] = rule.Verdict switch
        {
            RuleVerdict.Passed => "pass",
            RuleVerdict.Failed => "fail",
            RuleVerdict.Error => "error",
            RuleVerdict.NotForScheme => "notForScheme",
            _ => "notInForce",
        },
        ["severity"] = rule.Severity is { } severity ? SeverityNames.Code(severity) : null,
        ["message"] = rule.Message,
        ["legalReference"] = rule.LegalReference,
        ["facts"] = new JsonArray([.. rule.Facts.Select(fact => (JsonNode)new JsonObject { ["expression"] = fact.Expression, ["value"] = EvidenceJson.ToJson(fact.Value) })]),
        ["localParams"] = new JsonObject([.. rule.LocalParams.Select(value => KeyValuePair.Create(value.Name, EvidenceJson.ToJson(value.Value)))]),
        ["children"] = new JsonArray([.. rule.Children.Select(Rule)]),
    };
}
