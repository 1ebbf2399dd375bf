using System.Text;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.RuleSet;

/// <summary>rules/README.md states which rules apply to which scheme; the table is generated from the rule files.</summary>
public class SchemeTableTests
{
    private const string Begin = "<!-- scheme-table:begin (generated from rules/workflows by SchemeTableTests) -->";
    private const string End = "<!-- scheme-table:end -->";

    [Fact]
    public void Every_rule_states_the_schemes_it_applies_to()
    {
        foreach (var rule in TopLevelRules())
        {
            rule.Properties.GetStringList(RuleSchemes.PropertyName).Should().NotBeEmpty("{0} must say which schemes it applies to", rule.Name);
        }
    }

    [Fact]
    public void The_table_in_the_rules_readme_matches_the_rule_files()
    {
        var readme = File.ReadAllText(Path.Combine(RulesFolder.Repository.Path, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "rules/README.md holds the generated table between its markers");
        end.Should().BeGreaterThan(start);

        var documented = readme[(start + Begin.Length)..end].Trim('\n');

        documented.Should().Be(Table(), "the table is generated from the rule files; paste this into rules/README.md:\n{0}", Table());
    }

    private static string Table()
    {
        var table = new StringBuilder();
        table.Append("| rule | file | new | converted | old |\n| --- | --- | :-: | :-: | :-: |\n");
        foreach (var (file, rule) in TopLevelRulesWithFile())
        {
            var schemes = rule.Properties.GetStringList(RuleSchemes.PropertyName);
            table.Append("| `").Append(rule.Name).Append("` | ").Append(file).Append(" | ")
                .Append(Mark(schemes, "new")).Append(" | ").Append(Mark(schemes, "converted")).Append(" | ").Append(Mark(schemes, "old")).Append(" |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    private static string Mark(IReadOnlyList<string> schemes, string scheme) => schemes.Contains(scheme, StringComparer.Ordinal) ? "yes" : "–";

    private static IEnumerable<RuleDefinition> TopLevelRules() => TopLevelRulesWithFile().Select(pair => pair.Rule);

    private static IEnumerable<(string File, RuleDefinition Rule)> TopLevelRulesWithFile() =>
        RulesFolder.Repository.Workflows.SelectMany(source =>
            WorkflowReader.Read(source.Json, source.Name).Workflows.SelectMany(workflow =>
                workflow.Rules.Select(rule => (Path.GetFileName(source.Name), rule))));
}
