using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Compliance;

/// <summary>What the ALIS-kontor is told when the rule set as a whole is wrong, before any rule runs.</summary>
public sealed class ComplianceRuleSetTests
{
    [Fact]
    public void A_rules_folder_without_workflows_is_an_error()
    {
        var compile = () => ComplianceRuleSet.Compile([]);

        compile.Should().Throw<RuleSetCompilationException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Match<RuleDiagnostic>(d => d.Code == RuleDiagnosticCodes.NoWorkflows && d.Message.Contains("ingen regler", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_key_in_Properties_is_an_error_with_a_suggestion()
    {
        const string Json = """
            { "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "ErrorMessage": "Feil.",
              "Properties": { "severty": "warning", "legalReference": "§ 1", "audience": ["leader"] } } ] }
            """;

        var compile = () => ComplianceRuleSet.Compile([new RuleSource("w.json", Json)]);

        compile.Should().Throw<RuleSetCompilationException>().Which.Diagnostics
            .Should().Contain(d => d.Field == "Properties.severty" && d.Message.Contains("Mente du 'severity'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_do_not_stop_the_rule_set_and_are_kept_for_the_rule_editor()
    {
        const string Json = """
            { "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "(int)alis.DaysInTraining(asOf) >= 0", "ErrorMessage": "Feil.", "ErrorType": "Error",
              "Properties": { "severity": "warning", "legalReference": "§ 1", "audience": ["leader"] } } ] }
            """;

        using var rules = ComplianceRuleSet.Compile([new RuleSource("w.json", Json)]);

        rules.Warnings.Select(warning => warning.Code).Should().BeEquivalentTo([RuleDiagnosticCodes.IgnoredByEngine, RuleDiagnosticCodes.OutsideCommonSubset]);
    }
}
