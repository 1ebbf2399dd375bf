using System.Text.Json;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

public sealed class WorkflowReaderTests
{
    private const string Source = "rules/workflows/supervision.json";

    private const string Example = """
        {
          "$schema": "../workflow.schema.json",
          "WorkflowName": "supervision",
          "GlobalParams": [ { "Name": "target", "Expression": "42.0" } ],
          "Rules": [
            {
              "RuleName": "SUP-ANNUAL-42H",
              "Enabled": true,
              "RuleExpressionType": "LambdaExpression",
              "LocalParams": [ { "Name": "hours", "Expression": "order.TotalBetween(asOf.PlusYears(-1), asOf)" } ],
              "Expression": "hours >= target",
              "ErrorMessage": "Veiledning siste 12 måneder: $(hours) timer av minst $(target).",
              "SuccessEvent": "ok",
              "Properties": { "severity": "violation", "legalReference": "Spesialistforskriften § 25", "effectiveFrom": "2019-03-01", "effectiveTo": null, "audience": ["leader"] },
              "Actions": {}
            },
            {
              "RuleName": "ESCALATING",
              "Operator": "And",
              "Enabled": false,
              "LocalParams": [ { "Name": "daysLeft", "Expression": "10" } ],
              "Rules": [
                { "RuleName": "ESCALATING-INFO", "Expression": "daysLeft > 365", "ErrorMessage": "info", "Properties": { "severity": "info" } },
                { "RuleName": "ESCALATING-VIOLATION", "Expression": "daysLeft >= 0", "ErrorMessage": "violation", "Properties": { "severity": "violation" } }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Reads_a_workflow_in_RulesEngine_format()
    {
        var result = WorkflowReader.Read(Example, Source);

        result.Diagnostics.Should().BeEmpty();
        var workflow = result.Workflows.Should().ContainSingle().Subject;
        workflow.Name.Should().Be("supervision");
        workflow.SourceFile.Should().Be(Source);
        workflow.GlobalParams.Should().ContainSingle().Which.Expression.Text.Should().Be("42.0");
        workflow.Rules.Select(rule => rule.Name).Should().Equal("SUP-ANNUAL-42H", "ESCALATING");

        var annual = workflow.Rules[0];
        annual.Enabled.Should().BeTrue();
        annual.LocalParams.Should().ContainSingle().Which.Name.Should().Be("hours");
        annual.Expression!.Text.Should().Be("hours >= target");
        annual.ErrorMessage!.Text.Should().StartWith("Veiledning siste 12 måneder");
        annual.SuccessEvent.Should().Be("ok");
        annual.Actions.Should().NotBeNull();
        annual.Properties.GetString("severity").Should().Be("violation");
        annual.Properties.GetString("legalReference").Should().Be("Spesialistforskriften § 25");
        annual.Properties.GetStringList("audience").Should().Equal("leader");
        annual.EffectivePeriod.Should().Be(new EffectivePeriod(new LocalDate(2019, 3, 1), null));

        var escalating = workflow.Rules[1];
        escalating.Enabled.Should().BeFalse();
        escalating.Operator.Should().Be(RuleOperator.And);
        escalating.Expression.Should().BeNull();
        escalating.Rules.Select(rule => rule.Name).Should().Equal("ESCALATING-INFO", "ESCALATING-VIOLATION");
        escalating.Rules[0].Enabled.Should().BeTrue("Enabled defaults to true");
    }

    [Fact]
    public void Records_the_file_position_of_every_expression_string()
    {
        var workflow = WorkflowReader.Read(Example, Source).Workflows.Single();
        var annual = workflow.Rules[0];

        Position(annual.Expression!.Position).Should().Be(RuleTestKit.PositionOf(Example, "hours >= target"));
        Position(annual.LocalParams[0].Expression.Position).Should().Be(RuleTestKit.PositionOf(Example, "order.TotalBetween"));
        Position(annual.LocalParams[0].NamePosition).Should().Be(RuleTestKit.PositionOf(Example, "hours\""));
        Position(workflow.GlobalParams[0].Expression.Position).Should().Be(RuleTestKit.PositionOf(Example, "42.0"));
        Position(annual.NamePosition).Should().Be(RuleTestKit.PositionOf(Example, "SUP-ANNUAL-42H"));

        // Columns count characters, not UTF-8 bytes: "å" before the placeholder is one column.
        var placeholder = annual.ErrorMessage!.Text.IndexOf("$(hours)", StringComparison.Ordinal);
        Position(annual.ErrorMessage.PositionAt(placeholder)).Should().Be(RuleTestKit.PositionOf(Example, "$(hours)"));
    }

    [Fact]
    public void Positions_inside_a_string_with_escapes_point_at_the_raw_characters()
    {
        const string Json = """{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "order.Number == \"A\u0031\" && order.Total > 0" } ] }""";

        var expression = WorkflowReader.Read(Json, Source).Workflows.Single().Rules[0].Expression!;

        expression.Text.Should().Be("order.Number == \"A1\" && order.Total > 0");
        var offset = expression.Text.IndexOf("order.Total", StringComparison.Ordinal);
        Position(expression.PositionAt(offset)).Should().Be(RuleTestKit.PositionOf(Json, "order.Total"));
    }

    [Fact]
    public void An_unknown_field_is_reported_with_a_suggestion_and_its_position()
    {
        const string Json = """
            {
              "WorkflowName": "w",
              "Rules": [
                { "RuleName": "R", "Expresion": "true" }
              ]
            }
            """;

        var diagnostics = WorkflowReader.Read(Json, Source).Diagnostics;

        var unknown = diagnostics.Should().ContainSingle(d => d.Field == "Expresion").Subject;
        unknown.Code.Should().Be(RuleDiagnosticCodes.InvalidWorkflow);
        unknown.RulePath.Should().Be("R");
        unknown.WorkflowName.Should().Be("w");
        unknown.Message.Should().Contain("Ukjent felt 'Expresion'").And.Contain("Mente du 'Expression'?");
        (unknown.Line, unknown.Column).Should().Be(RuleTestKit.PositionOf(Json, "\"Expresion\""));
        diagnostics.Should().Contain(d => d.Message.Contains("trenger en Expression (betingelsen) eller nøstede Rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        const string Json = "{\n  \"WorkflowName\": \"w\"\n  \"Rules\": []\n}";

        var result = WorkflowReader.Read(Json, Source);

        result.Succeeded.Should().BeFalse();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidJson);
        (diagnostic.Line, diagnostic.Column).Should().Be((3, 3));
        diagnostic.Message.Should().NotContain("LineNumber");
        diagnostic.ToString().Should().StartWith($"{Source}(3,3): error RULE001: Ugyldig JSON");
    }

    [Theory]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Enabled": "yes" }""", "Enabled", "skal være true eller false, ikke tekst")]
    [InlineData("""{ "RuleName": "R", "Expression": 42 }""", "Expression", "skal være tekst i anførselstegn, ikke et tall")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "LocalParams": "x" }""", "LocalParams", "skal være en liste")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "LocalParams": [ { "Name": "x" } ] }""", "LocalParams[x]", "trenger en Expression")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "LocalParams": [ { "Name": "x", "Expression": "1", "Value": 2 } ] }""", "LocalParams[x].Value", "Ukjent felt 'Value'")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Properties": [] }""", "Properties", "skal være et objekt")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "RuleExpressionType": "Dynamic" }""", "RuleExpressionType", "den eneste typen er 'LambdaExpression'")]
    [InlineData("""{ "Expression": "true" }""", "RuleName", "RuleName mangler")]
    [InlineData("""{ "RuleName": "", "Expression": "true" }""", "RuleName", "kan ikke være tomt")]
    [InlineData("""{ "RuleName": "A/B", "Expression": "true" }""", "RuleName", "kan ikke inneholde '/'")]
    [InlineData("""{ "RuleName": "R", "Expression": "" }""", "Expression", "kan ikke være tom")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Rules": [ { "RuleName": "C", "Expression": "true" } ], "Operator": "And" }""", "Expression", "enten Expression eller nøstede Rules, ikke begge")]
    [InlineData("""{ "RuleName": "R", "Rules": [ { "RuleName": "C", "Expression": "true" } ] }""", "Operator", "Operator (And, AndAlso, Or eller OrElse) trengs")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Operator": "And" }""", "Operator", "hører bare hjemme i en regel med nøstede Rules")]
    [InlineData("""{ "RuleName": "R", "Operator": "Xor", "Rules": [ { "RuleName": "C", "Expression": "true" } ] }""", "Operator", "'Xor' finnes ikke")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [] }""", "Rules", "minst én regel")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Expression": "false" }""", "Expression", "står mer enn én gang")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Properties": { "EffectiveFrom": "2020-01-01" } }""", "Properties.EffectiveFrom", "Mente du 'effectiveFrom'?")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Actions": 1 }""", "Actions", "skal være et objekt")]
    public void Structural_problems_name_the_field(string rule, string field, string message)
    {
        var json = $$"""{ "WorkflowName": "w", "Rules": [ {{rule}} ] }""";

        var result = WorkflowReader.Read(json, Source);

        result.Workflows.Should().BeEmpty();
        result.Diagnostics.Should().Contain(d => d.Field == field && d.Message.Contains(message, StringComparison.Ordinal), because: string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Workflow_level_fields_are_required_and_checked()
    {
        WorkflowReader.Read("""{ "Rules": [] }""", Source).Diagnostics.Should().ContainSingle(d => d.Field == "WorkflowName" && d.Message.StartsWith("WorkflowName mangler", StringComparison.Ordinal));
        WorkflowReader.Read("""{ "WorkflowName": "w" }""", Source).Diagnostics.Should().ContainSingle(d => d.Field == "Rules");
        WorkflowReader.Read("""{ "WorkflowName": "w", "Rules": [], "Version": 2 }""", Source).Diagnostics.Should().ContainSingle(d => d.Field == "Version");
        WorkflowReader.Read("""[]""", Source).Diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.NoWorkflows);
        WorkflowReader.Read("""42""", Source).Diagnostics.Should().ContainSingle(d => d.Message.Contains("én arbeidsflyt (et JSON-objekt) eller en liste", StringComparison.Ordinal));
        WorkflowReader.Read(string.Empty, Source).Diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.InvalidJson);
        WorkflowReader.Read("""{ "WorkflowName": "w", "Rules": [] } x""", Source).Diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.InvalidJson);
    }

    [Fact]
    public void Rule_names_must_be_unique_within_the_workflow_including_nested_rules()
    {
        const string Json = """
            { "WorkflowName": "w", "Rules": [
              { "RuleName": "A", "Expression": "true" },
              { "RuleName": "P", "Operator": "Or", "Rules": [ { "RuleName": "A", "Expression": "true" } ] }
            ] }
            """;

        var duplicate = WorkflowReader.Read(Json, Source).Diagnostics.Should().ContainSingle().Subject;

        duplicate.Code.Should().Be(RuleDiagnosticCodes.DuplicateName);
        duplicate.RulePath.Should().Be("P/A");
        (duplicate.Line, duplicate.Column).Should().Be(RuleTestKit.PositionOf(Json, "A\"", skip: 1));
    }

    [Theory]
    [InlineData("\"2019-13-01\"", "'2019-13-01' er ikke en gyldig dato")]
    [InlineData("\"1.3.2019\"", "'1.3.2019' er ikke en gyldig dato. Datoer skrives år-måned-dag med bindestrek: \"2019-03-01\".")]
    [InlineData("20190301", "skal være en dato i anførselstegn")]
    public void A_bad_effective_date_is_reported_at_its_value(string value, string message)
    {
        var json = $$"""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "Properties": { "effectiveFrom": {{value}} } } ] }""";

        var diagnostic = WorkflowReader.Read(json, Source).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidDate);
        diagnostic.Field.Should().Be("Properties.effectiveFrom");
        diagnostic.RulePath.Should().Be("R");
        diagnostic.Message.Should().Contain(message);
        var (line, column) = RuleTestKit.PositionOf(json, value);
        (diagnostic.Line, diagnostic.Column).Should().Be(value.StartsWith('"') ? (line, column + 1) : (line, column));
    }

    [Fact]
    public void An_effective_period_that_ends_before_it_starts_is_refused()
    {
        const string Json = """{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "Properties": { "effectiveFrom": "2020-02-01", "effectiveTo": "2020-01-31" } } ] }""";

        WorkflowReader.Read(Json, Source).Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Be("effectiveTo (2020-01-31) er før effectiveFrom (2020-02-01).");
    }

    [Fact]
    public void Properties_keep_every_value_for_the_caller()
    {
        const string Json = """{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "Properties": { "message": "x", "count": 3, "audience": "leader", "tags": ["a", 1] } } ] }""";

        var properties = WorkflowReader.Read(Json, Source).Workflows.Single().Rules[0].Properties;

        properties.Keys.Should().Equal("message", "count", "audience", "tags");
        properties["count"].GetInt32().Should().Be(3);
        properties.GetString("missing").Should().BeNull();
        properties.GetStringList("audience").Should().Equal("leader");
        properties.GetStringList("missing").Should().BeEmpty();
        properties.Invoking(p => p.GetString("count")).Should().Throw<InvalidOperationException>().WithMessage("*'count'*");
        properties.Invoking(p => p.GetStringList("tags")).Should().Throw<InvalidOperationException>().WithMessage("*'tags'*");
        properties["tags"].ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void Never_throws_on_truncated_or_damaged_files()
    {
        for (var length = 0; length < Example.Length; length++)
        {
            var truncated = Example[..length];
            var result = WorkflowReader.Read(truncated, Source);
            result.Succeeded.Should().BeFalse($"a workflow cut after {length} characters is incomplete");
            result.Diagnostics.Should().OnlyContain(d => d.Line >= 1 && d.Column >= 1);
        }

        for (var index = 0; index < Example.Length; index += 3)
        {
            foreach (var damaged in new[] { Example.Remove(index, 1), Example.Insert(index, "\"") })
            {
                var read = () => WorkflowReader.Read(damaged, Source);
                read.Should().NotThrow();
            }
        }
    }

    [Fact]
    public void Diagnostics_read_like_compiler_messages()
    {
        new RuleDiagnostic("rules/workflows/supervision.json", "supervision", "SUP-ANNUAL-42H", "Expression", new SourcePosition(12, 31), "RULE003", "'System.IO.File' kan ikke brukes i regler")
            .ToString().Should().Be("rules/workflows/supervision.json(12,31): SUP-ANNUAL-42H Expression: error RULE003: 'System.IO.File' kan ikke brukes i regler");
        new RuleDiagnostic("w.json", null, null, null, new SourcePosition(1, 2), "RULE001", "Malformed JSON.")
            .ToString().Should().Be("w.json(1,2): error RULE001: Malformed JSON.");
    }

    private static (int Line, int Column) Position(SourcePosition position) => (position.Line, position.Column);
}
