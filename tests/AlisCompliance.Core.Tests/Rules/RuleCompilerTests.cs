using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

public sealed class RuleCompilerTests
{
    private static readonly LocalDate Today = RuleTestKit.Today;

    [Theory]
    [InlineData("order.Lines.Where(l => l.Quantity > 1).Select(l => l.Product).Contains(\"pen\")")]
    [InlineData("order.Lines.Sum(l => l.Amount) == order.Total && order.Lines.Max(l => l.Date) <= asOf")]
    [InlineData("order.Lines.OrderBy(l => l.Date).ThenBy(l => l.Product).First().Product.Length > 0")]
    [InlineData("order.Lines.GroupBy(l => l.Product).Select(g => g.Count()).All(n => n >= 1)")]
    [InlineData("order.Lines.ToArray().Length == order.Lines.Count && order.Lines[0] != null")]
    [InlineData("Math.Max(Math.Abs(-1), 1) == 1 && Math.Round(2.5m, MidpointRounding.AwayFromZero) == 3m")]
    [InlineData("string.IsNullOrWhiteSpace(order.Number) == false && order.Number.Trim().ToUpperInvariant().StartsWith(\"A\", StringComparison.Ordinal)")]
    [InlineData("string.Join(\", \", order.Lines.Select(l => l.Product)).Contains(\"ink\") && string.Concat(\"a\", \"b\") == \"ab\"")]
    [InlineData("$\"{order.Number}-{order.Lines.Count}\".Substring(0, 1) == \"A\" && \"abc\"[1] == 'b'")]
    [InlineData("Period.Between(order.Date.PlusMonths(-3), asOf, PeriodUnits.Days).Days >= 0 && asOf.DayOfWeek != IsoDayOfWeek.Sunday")]
    [InlineData("new DateInterval(asOf.PlusDays(-6), asOf).Length == 7 && asOf.ToYearMonth() == new YearMonth(2024, 6)")]
    [InlineData("order.Tier == CustomerTier.Standard && order.Tier.ToString() == \"Standard\"")]
    [InlineData("order is { Total: > 0, Lines.Count: 2 } && order.Lines[0] is OrderLine { Quantity: 2 }")]
    [InlineData("(order.Total, order.Number).Item1 > 0 && order with { Number = \"B\" } != order")]
    [InlineData("new[] { \"pen\", \"ink\" }.Contains(order.Lines[0].Product) && new OrderLine(\"x\", 1, 1m, asOf).Amount == 1m")]
    [InlineData("nameof(order) == \"order\" && default(int) == 0 && (int?)null == null && order.Lines.Count(l => l.Date < asOf) >= 0")]
    [InlineData("order.Lines.Select((line, index) => index).Sum() >= 0 && Enumerable.Empty<int>().Any() == false // a comment")]
    [InlineData("order.Lines.CountBy(l => l.Product).Count() == 2 && order.Lines.OfType<OrderLine>().Count() == 2 && order.Lines.Distinct().Any()")]
    [InlineData("order.Lines is [var first, ..] && first.Amount > 0 && order.Number?.Length > 0 && order.Lines.FirstOrDefault()?.Amount > 0")]
    public void Allowed_expressions_compile(string expression)
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", expression));

        using var rules = RuleTestKit.Compile(json);

        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today).Should().ContainSingle()
            .Which.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_rule_set_with_bad_rules_is_rejected_whole_and_reports_exactly_the_bad_ones()
    {
        var json = RuleTestKit.WorkflowJson(
            RuleTestKit.Rule("GOOD-1", "order.Total > 0"),
            RuleTestKit.Rule("BAD-TYPE", "order.Total"),
            RuleTestKit.Rule("GOOD-2", "lines >= 1", "Only $(lines) lines", ("lines", "order.Lines.Count")),
            RuleTestKit.Rule("BAD-SANDBOX", "System.IO.File.Exists(\"x\")"),
            RuleTestKit.Rule("BAD-SYNTAX", "order.Total >"),
            RuleTestKit.Rule("BAD-MESSAGE", "true", "Total $(order.Totl)"),
            RuleTestKit.Rule("GOOD-3", "asOf.Year > 2000"));

        var diagnostics = RuleTestKit.CompileErrors(json);

        diagnostics.Select(d => (d.RulePath, d.Field, d.Code)).Should().BeEquivalentTo(
        [
            ("BAD-TYPE", "Expression", "CS0029"),
            ("BAD-SANDBOX", "Expression", RuleDiagnosticCodes.NotAllowed),
            ("BAD-SYNTAX", "Expression", "CS1733"),
            ("BAD-MESSAGE", "ErrorMessage $(order.Totl)", "CS1061"),
        ]);
        diagnostics.Should().BeInAscendingOrder(d => d.Line);
    }

    [Fact]
    public void Line_and_column_point_at_the_offending_text_in_a_multi_line_file()
    {
        const string Json = """
            {
              "WorkflowName": "orders",
              "GlobalParams": [
                { "Name": "minimum", "Expression": "10m" }
              ],
              "Rules": [
                {
                  "RuleName": "FIRST",
                  "LocalParams": [
                    { "Name": "total", "Expression": "order.Total" },
                    { "Name": "count", "Expression": "order.Lines.Count(l => l.Quantity > 0)" }
                  ],
                  "Expression": "total >= minimum && count > 0 && order.Lines.Any(l => l.Prodcut == \"pen\")",
                  "ErrorMessage": "Total $(total) is below $(minimum) – see $(order.Numbr)."
                }
              ]
            }
            """;

        var diagnostics = RuleTestKit.CompileErrors(Json);

        diagnostics.Should().HaveCount(2);
        var member = diagnostics[0];
        member.Code.Should().Be("CS1061");
        member.Message.Should().Contain("'Prodcut'");
        (member.Line, member.Column).Should().Be(RuleTestKit.PositionOf(Json, "Prodcut"));
        member.ToString().Should().StartWith($"{RuleTestKit.SourceFile}(13,{member.Column}): FIRST Expression: error CS1061:");

        // "–" before the placeholder is one column, and \" escapes earlier on the line are accounted for.
        var placeholder = diagnostics[1];
        placeholder.Field.Should().Be("ErrorMessage $(order.Numbr)");
        (placeholder.Line, placeholder.Column).Should().Be(RuleTestKit.PositionOf(Json, "Numbr"));
    }

    [Fact]
    public void Positions_account_for_escaped_quotes_before_the_error()
    {
        const string Json = """{ "WorkflowName": "orders", "Rules": [ { "RuleName": "R", "Expression": "order.Number == \"A-1\" && order.Nmber == \"x\"" } ] }""";

        var diagnostic = RuleTestKit.CompileErrors(Json).Should().ContainSingle().Subject;

        (diagnostic.Line, diagnostic.Column).Should().Be(RuleTestKit.PositionOf(Json, "Nmber"));
    }

    [Fact]
    public void A_syntax_error_is_reported_where_the_parser_stopped()
    {
        const string Json = """{ "WorkflowName": "orders", "Rules": [ { "RuleName": "R", "Expression": "(order.Total > 0" } ] }""";

        var diagnostic = RuleTestKit.CompileErrors(Json).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be("CS1026");
        var (line, column) = RuleTestKit.PositionOf(Json, "(order.Total > 0");
        (diagnostic.Line, diagnostic.Column).Should().Be((line, column + "(order.Total > 0".Length));
    }

    [Fact]
    public void LocalParams_see_earlier_ones_and_nested_rules_see_their_parents()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "ORDERED", "LocalParams": [ { "Name": "a", "Expression": "b + 1" }, { "Name": "b", "Expression": "1" } ], "Expression": "a > 0" },
              { "RuleName": "PARENT", "Operator": "And", "LocalParams": [ { "Name": "total", "Expression": "order.Total" } ],
                "Rules": [
                  { "RuleName": "CHILD-1", "LocalParams": [ { "Name": "half", "Expression": "total / 2" } ], "Expression": "half > 0" },
                  { "RuleName": "CHILD-2", "Expression": "half > 0 && total > 0" }
                ] }
            ] }
            """;

        var diagnostics = RuleTestKit.CompileErrors(json);

        diagnostics.Select(d => (d.RulePath, d.Field, d.Code)).Should().BeEquivalentTo(
        [
            ("ORDERED", "LocalParams[a]", "CS0841"),
            ("PARENT/CHILD-2", "Expression", "CS0103"),
        ]);
    }

    [Theory]
    [InlineData("""[ { "Name": "__secret", "Expression": "1" } ]""", "LocalParams[__secret]", "er et reservert navn")]
    [InlineData("""[ { "Name": "class", "Expression": "1" } ]""", "LocalParams[class]", "kan ikke brukes som navn")]
    [InlineData("""[ { "Name": "order", "Expression": "1" } ]""", "LocalParams[order]", "skjuler inputen med samme navn")]
    [InlineData("""[ { "Name": "minimum", "Expression": "1" } ]""", "LocalParams[minimum]", "skjuler GlobalParams-verdien med samme navn")]
    [InlineData("""[ { "Name": "x", "Expression": "1" }, { "Name": "x", "Expression": "2" } ]""", "LocalParams[x]", "oppgitt mer enn én gang")]
    public void Parameter_names_must_be_usable_and_unambiguous(string localParams, string field, string message)
    {
        var json = $$"""
            { "WorkflowName": "orders", "GlobalParams": [ { "Name": "minimum", "Expression": "1" } ], "Rules": [
              { "RuleName": "R", "LocalParams": {{localParams}}, "Expression": "true" },
              { "RuleName": "OTHER", "Expression": "minimum > 0" }
            ] }
            """;

        var diagnostic = RuleTestKit.CompileErrors(json).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidName);
        diagnostic.RulePath.Should().Be("R");
        diagnostic.Field.Should().Be(field);
        diagnostic.Message.Should().Contain(message);
    }

    [Fact]
    public void A_nested_rule_may_not_hide_its_parents_LocalParams()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "P", "Operator": "Or", "LocalParams": [ { "Name": "total", "Expression": "order.Total" } ],
                "Rules": [ { "RuleName": "C", "LocalParams": [ { "Name": "total", "Expression": "0m" } ], "Expression": "total > 0" } ] }
            ] }
            """;

        RuleTestKit.CompileErrors(json).Should().ContainSingle()
            .Which.Message.Should().Contain("skjuler LocalParams i overordnet regel 'P'");
    }

    [Fact]
    public void Placeholders_must_be_closed()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "true", "Total $(order.Total is low"));

        var diagnostic = RuleTestKit.CompileErrors(json).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidPlaceholder);
        diagnostic.Field.Should().Be("ErrorMessage");
        (diagnostic.Line, diagnostic.Column).Should().Be(RuleTestKit.PositionOf(json, "$(order"));
    }

    [Fact]
    public void Workflow_names_must_be_unique_across_files()
    {
        var first = RuleTestKit.Read(RuleTestKit.WorkflowJson(RuleTestKit.Rule("A", "true")), "a.json");
        var second = RuleTestKit.Read(RuleTestKit.WorkflowJson(RuleTestKit.Rule("B", "true")), "b.json");

        var compile = () => RuleCompiler.Compile([first, second], RuleTestKit.Options);

        var diagnostic = compile.Should().Throw<RuleSetCompilationException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(RuleDiagnosticCodes.DuplicateName);
        diagnostic.SourceFile.Should().Be("b.json");
        diagnostic.Field.Should().Be("WorkflowName");
    }

    [Fact]
    public void The_exception_message_lists_every_diagnostic()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("A", "1"), RuleTestKit.Rule("B", "\"x\""));

        var compile = () => RuleTestKit.Compile(json);

        compile.Should().Throw<RuleSetCompilationException>()
            .WithMessage("Regelsettet har 2 feil.*A Expression: error CS0029*B Expression: error CS0029*");
    }

    [Fact]
    public void Unusable_options_are_argument_errors()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("A", "true"));
        var workflows = new[] { RuleTestKit.Read(json) };

        Compiling(RuleTestKit.Options with { Parameters = [new RuleParameter("class", typeof(Order))] }).WithMessage("*'class'*");
        Compiling(RuleTestKit.Options with { Parameters = [new RuleParameter("a", typeof(Order)), new RuleParameter("a", typeof(Order))] }).WithMessage("*more than once*");
        Compiling(RuleTestKit.Options with { AllowedTypes = [typeof(Type)] }).WithMessage("*'System.Type' cannot be an allowed type*");
        Compiling(RuleTestKit.Options with { AllowedTypes = [typeof(File)] }).WithMessage("*'System.IO.File' cannot be an allowed type*");
        Compiling(RuleTestKit.Options with { AllowedTypes = [typeof(HiddenType)] }).WithMessage("*must be a public*");

        FluentAssertions.Specialized.ExceptionAssertions<ArgumentException> Compiling(RuleCompilerOptions options) =>
            FluentActions.Invoking(() => RuleCompiler.Compile(workflows, options)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Caller_types_are_allowed_with_all_their_public_members_and_nothing_else_of_their_assembly()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "NotAllowedHelper.Answer == 42"));

        RuleTestKit.CompileErrors(json).Should().ContainSingle().Which.Code.Should().Be(RuleDiagnosticCodes.NotAllowed);

        using var rules = RuleTestKit.Compile(json, RuleTestKit.Options with { AllowedTypes = [.. RuleTestKit.Options.AllowedTypes, typeof(NotAllowedHelper)] });
        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today).Single().IsSuccess.Should().BeTrue();
    }

    internal sealed class HiddenType;
}
