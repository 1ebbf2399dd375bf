using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>
/// Files written for Microsoft RulesEngine load here: what it accepts is accepted at the format level, with a
/// warning where we ignore something and an error naming what we refuse.
/// </summary>
public sealed class RulesEngineFormatTests
{
    private const string Source = "rules/workflows/discount.json";

    // Written after RulesEngine's own test data at 6.0.1: a list of workflows, legacy fields, numbers for enums.
    private const string RulesEngineStyle = """
        [
          {
            "WorkflowName": "Discount",
            "WorkflowsToInject": null,
            "RuleExpressionType": 0,
            "GlobalParams": [ { "Name": "threshold", "Expression": "10m" } ],
            "Rules": [
              {
                "RuleName": "GiveDiscount10",
                "Properties": null,
                "Operator": null,
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "Enabled": true,
                "RuleExpressionType": 0,
                "WorkflowsToInject": null,
                "Rules": null,
                "localParams": [ { "Name": "total", "Expression": "order.Total" } ],
                "Expression": "total >= threshold",
                "Actions": null,
                "SuccessEvent": "10"
              }
            ]
          },
          {
            "WorkflowName": "Loyalty",
            "Rules": [
              {
                "RuleName": "Gold",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "order.Tier == CustomerTier.Gold",
                "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "order.Total * 0.9m" } } }
              }
            ]
          }
        ]
        """;

    [Fact]
    public void A_file_with_a_list_of_workflows_in_RulesEngine_style_loads_and_runs()
    {
        var result = WorkflowReader.Read(RulesEngineStyle, Source);

        result.Succeeded.Should().BeTrue(string.Join(Environment.NewLine, result.Diagnostics));
        result.Workflows.Select(workflow => workflow.Name).Should().Equal("Discount", "Loyalty");
        result.Workflows[0].Rules.Single().LocalParams.Single().Name.Should().Be("total");
        using var rules = RuleCompiler.Compile(result.Workflows, RuleTestKit.Options);
        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today).Select(rule => rule.IsSuccess).Should().Equal(true, false);
    }

    [Fact]
    public void What_is_read_but_ignored_is_a_warning_naming_it()
    {
        var warnings = WorkflowReader.Read(RulesEngineStyle, Source).Warnings.ToList();

        warnings.Should().OnlyContain(warning => warning.Code == RuleDiagnosticCodes.IgnoredByEngine && !warning.IsError);
        warnings.Should().ContainSingle(warning => warning.Field == "ErrorType").Which.Message.Should().Contain("ErrorType brukes ikke");
        warnings.Should().ContainSingle(warning => warning.Field == "Actions").Which.Message.Should().Contain("blir ikke kjørt");
        warnings.Should().ContainSingle(warning => warning.Field == "localParams").Which.Message.Should().Contain("Skriv 'LocalParams'");
        warnings.Single(warning => warning.Field == "ErrorType").ToString().Should().Contain(": warning RULE009: ");
    }

    [Fact]
    public void RuleExpressionType_may_be_written_as_the_number_zero_only()
    {
        Read("""{ "RuleName": "R", "Expression": "true", "RuleExpressionType": 0 }""").Succeeded.Should().BeTrue();
        Read("""{ "RuleName": "R", "Expression": "true", "RuleExpressionType": 1 }""").Diagnostics.Should()
            .ContainSingle(d => d.Field == "RuleExpressionType" && d.Message.Contains("den eneste typen er \"LambdaExpression\" (eller 0)", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkflowsToInject_is_refused_by_name()
    {
        var rule = Read("""{ "RuleName": "R", "Expression": "true", "WorkflowsToInject": [ "Basic" ] }""");
        var workflow = WorkflowReader.Read("""{ "WorkflowName": "w", "WorkflowsToInject": [ "Basic", "Extra" ], "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""", Source);

        rule.Diagnostics.Should().ContainSingle().Which.Should().Match<RuleDiagnostic>(d => d.Code == RuleDiagnosticCodes.NotSupported && d.RulePath == "R" && d.Message.StartsWith("WorkflowsToInject (Basic) støttes ikke", StringComparison.Ordinal));
        workflow.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("WorkflowsToInject (Basic, Extra) støttes ikke");
        Read("""{ "RuleName": "R", "Expression": "true", "WorkflowsToInject": [] }""").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void An_empty_list_of_workflows_is_an_error()
    {
        WorkflowReader.Read("[ ]", Source).Diagnostics.Should().ContainSingle()
            .Which.Code.Should().Be(RuleDiagnosticCodes.NoWorkflows);
    }

    [Fact]
    public void An_error_in_one_workflow_of_a_list_names_that_workflow()
    {
        const string Json = """[ { "WorkflowName": "a", "Rules": [ { "RuleName": "R", "Expression": "true" } ] }, { "WorkflowName": "b", "Rules": [ { "RuleName": "R" } ] } ]""";

        var result = WorkflowReader.Read(Json, Source);

        result.Workflows.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle().Which.WorkflowName.Should().Be("b", "rule names are unique per workflow, so R in a and b is fine");
    }

    private static WorkflowReadResult Read(string rule) =>
        WorkflowReader.Read($$"""{ "WorkflowName": "w", "Rules": [ {{rule}} ] }""", Source);
}
