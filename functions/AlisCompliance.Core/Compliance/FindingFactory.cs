using System.Text.Json.Nodes;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Turns a failed rule result into a finding. For a rule with nested rules (one rule, several thresholds) the
/// worst failing child decides severity and message; its evidence is the parent's and the child's LocalParams.
/// </summary>
internal static class FindingFactory
{
    public static Finding Create(RuleResult result, string alisId, string municipalityId)
    {
        var (leaf, severity, chain) = Worst(result, inheritedSeverity: null, [])!.Value;
        var evidence = new JsonObject();
        foreach (var node in chain.Append(leaf))
        {
            foreach (var value in node.LocalParams)
            {
                evidence[value.Name] = EvidenceJson.ToJson(value.Value);
            }
        }

        return new Finding(
            alisId,
            municipalityId,
            result.Name,
            leaf == result ? null : leaf.Name,
            severity,
            leaf.ErrorMessage ?? result.ErrorMessage ?? result.Name,
            result.Properties.GetString("legalReference") ?? string.Empty,
            result.Properties.GetStringList("audience"),
            evidence);
    }

    public static string? FirstException(RuleResult result) =>
        result.ExceptionMessage ?? result.ChildResults.Select(FirstException).FirstOrDefault(message => message is not null);

    private static (RuleResult Leaf, Severity Severity, List<RuleResult> Chain)? Worst(RuleResult result, Severity? inheritedSeverity, List<RuleResult> chain)
    {
        var own = SeverityNames.TryParse(result.Properties.GetString("severity"), out var parsed) ? parsed : inheritedSeverity;
        if (result.IsSuccess)
        {
            return null;
        }

        if (result.ChildResults.Count == 0)
        {
            return (result, own ?? Severity.Warning, chain);
        }

        var path = new List<RuleResult>(chain) { result };
        return result.ChildResults
            .Select(child => Worst(child, own, path))
            .Where(candidate => candidate is not null)
            .MaxBy(candidate => candidate!.Value.Severity)
            ?? (result, own ?? Severity.Warning, chain);
    }
}
