using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Checks our metadata in each rule's Properties: every top-level rule has a legal reference and an audience, the
/// schemes it lists (if any) are known,
/// every leaf rule resolves a severity (its own or a parent's) and has a Norwegian ErrorMessage, rule names are unique.
/// </summary>
internal static class RulePropertiesCheck
{
    private const string Code = "ALIS001";
    private static readonly HashSet<string> Audiences = new(StringComparer.Ordinal) { "leader", "veileder", "alis-kontor" };

    /// <summary>Every key our Properties may hold; anything else is a typo that would silently change nothing.</summary>
    private static readonly string[] Keys = ["severity", "legalReference", "audience", "effectiveFrom", "effectiveTo", "message", "description", RuleSchemes.PropertyName, "leaderAction", "deadline"];

    public static IEnumerable<RuleDiagnostic> Check(IReadOnlyList<Workflow> workflows)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            foreach (var rule in workflow.Rules)
            {
                if (!names.TryAdd(rule.Name, workflow.SourceFile))
                {
                    yield return Problem(workflow, rule, "RuleName", $"regelnavnet {rule.Name} finnes også i {names[rule.Name]}; regelnavn er regel-id og må være unike");
                }

                if (string.IsNullOrWhiteSpace(rule.Properties.GetString("legalReference")))
                {
                    yield return Problem(workflow, rule, "Properties.legalReference", "mangler: oppgi hjemmelen (f.eks. \"Spesialistforskriften § 25\")");
                }

                var audience = rule.Properties.GetStringList("audience");
                if (audience.Count == 0 || audience.Any(value => !Audiences.Contains(value)))
                {
                    yield return Problem(workflow, rule, "Properties.audience", "må være en liste med leader, veileder og/eller alis-kontor");
                }

                var schemes = rule.Properties.GetStringList(RuleSchemes.PropertyName);
                if (rule.Properties.ContainsKey(RuleSchemes.PropertyName) && (schemes.Count == 0 || schemes.Any(value => !RuleSchemes.Codes.ContainsKey(value))))
                {
                    yield return Problem(workflow, rule, "Properties.schemes", "må være en liste med new, converted og/eller old: ordningene regelen gjelder for");
                }

                foreach (var problem in CheckLeaves(workflow, rule, rule.Properties.GetString("severity")))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<RuleDiagnostic> CheckLeaves(Workflow workflow, RuleDefinition rule, string? inheritedSeverity)
    {
        foreach (var key in rule.Properties.Keys.Where(key => !Keys.Contains(key, StringComparer.Ordinal)))
        {
            var suggestion = EditDistance.ClosestMatch(key, Keys, maxDistance: 3);
            yield return Problem(workflow, rule, "Properties." + key, $"ukjent nøkkel '{key}' ville blitt oversett.{(suggestion is null ? string.Empty : $" Mente du '{suggestion}'?")} Kjente nøkler: {string.Join(", ", Keys)}");
        }

        var severity = rule.Properties.GetString("severity") ?? inheritedSeverity;
        if (rule.Rules.Count > 0)
        {
            foreach (var child in rule.Rules)
            {
                foreach (var problem in CheckLeaves(workflow, child, severity))
                {
                    yield return problem;
                }
            }

            yield break;
        }

        if (!SeverityNames.TryParse(severity, out _))
        {
            yield return Problem(workflow, rule, "Properties.severity", $"'{severity ?? "(mangler)"}' er ingen alvorlighetsgrad; bruk info, warning eller violation");
        }

        if (string.IsNullOrWhiteSpace(rule.ErrorMessage?.Text))
        {
            yield return Problem(workflow, rule, "ErrorMessage", "mangler: skriv meldingen lederen skal lese, på norsk");
        }
    }

    private static RuleDiagnostic Problem(Workflow workflow, RuleDefinition rule, string field, string message) =>
        new(workflow.SourceFile, workflow.Name, rule.Name, field, rule.NamePosition, Code, message);
}
