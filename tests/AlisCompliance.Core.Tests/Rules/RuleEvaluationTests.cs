using System.Globalization;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

public sealed class RuleEvaluationTests
{
    private static readonly LocalDate Today = RuleTestKit.Today;

    private const string OrdersWorkflow = """
        {
          "WorkflowName": "orders",
          "GlobalParams": [ { "Name": "minimum", "Expression": "20m" } ],
          "Rules": [
            {
              "RuleName": "MINIMUM-TOTAL",
              "LocalParams": [
                { "Name": "total", "Expression": "order.Total" },
                { "Name": "lines", "Expression": "order.Lines.Count" }
              ],
              "Expression": "total >= minimum",
              "ErrorMessage": "Order $(order.Number) totals $(total) over $(lines) lines, below $(minimum).",
              "SuccessEvent": "big enough",
              "Properties": { "severity": "violation", "audience": ["leader"] }
            },
            {
              "RuleName": "HAS-PEN",
              "Expression": "order.Lines.Any(l => l.Product == \"pen\")",
              "ErrorMessage": "No pen."
            },
            {
              "RuleName": "RECENT",
              "LocalParams": [ { "Name": "oldest", "Expression": "order.Lines.Min(l => l.Date)" } ],
              "Expression": "oldest >= asOf.PlusMonths(-1)"
            }
          ]
        }
        """;

    [Fact]
    public void Evaluates_every_rule_in_file_order_with_messages_and_evidence()
    {
        using var rules = RuleTestKit.Compile(OrdersWorkflow);

        var results = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today);

        results.Select(result => (result.Name, result.IsSuccess)).Should().Equal(("MINIMUM-TOTAL", true), ("HAS-PEN", true), ("RECENT", false));
        results[0].ErrorMessage.Should().BeNull("the message is only formatted for a failed rule");
        results[0].LocalParams.Should().Equal(new LocalParamValue("total", 25m), new LocalParamValue("lines", 2));
        results[0].Rule.SuccessEvent.Should().Be("big enough");
        results[0].Properties.GetString("severity").Should().Be("violation");
        results[0].WorkflowName.Should().Be("orders");
        results[2].ErrorMessage.Should().BeNull("RECENT has no ErrorMessage");
        results[2].GetLocalParam("oldest").Should().Be(Today.PlusMonths(-2));
        results.Should().OnlyContain(result => result.ExceptionMessage == null && result.ChildResults.Count == 0);

        var small = RuleTestKit.SampleOrder(new OrderLine("ink", 3, 2.5m, Today));
        var failed = rules.Evaluate(RuleTestKit.Inputs(small), Today);
        failed.Select(result => result.IsSuccess).Should().Equal(false, false, true);
        failed[0].ErrorMessage.Should().Be("Order A-1 totals 7.5 over 1 lines, below 20.");
        failed[1].ErrorMessage.Should().Be("No pen.");
    }

    [Fact]
    public void Placeholders_are_formatted_by_the_callers_formatter()
    {
        using var rules = RuleTestKit.Compile(OrdersWorkflow, RuleTestKit.Options with
        {
            FormatValue = value => value is decimal amount ? amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + " kr" : $"«{value}»",
        });

        var result = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder(new OrderLine("ink", 3, 2.5m, Today))), Today)[0];

        result.ErrorMessage.Should().Be("Order «A-1» totals 7,50 kr over «1» lines, below 20,00 kr.");
    }

    [Fact]
    public void Rules_run_only_inside_their_effective_period_with_both_ends_inclusive()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "MARCH", "Expression": "true", "Properties": { "effectiveFrom": "2024-03-01", "effectiveTo": "2024-03-31" } },
              { "RuleName": "FROM-MARCH", "Expression": "true", "Properties": { "effectiveFrom": "2024-03-01", "effectiveTo": null } },
              { "RuleName": "UNTIL-MARCH", "Expression": "true", "Properties": { "effectiveTo": "2024-03-31" } },
              { "RuleName": "ALWAYS", "Expression": "true" }
            ] }
            """;
        using var rules = RuleTestKit.Compile(json);

        Names(new LocalDate(2024, 2, 29)).Should().Equal("UNTIL-MARCH", "ALWAYS");
        Names(new LocalDate(2024, 3, 1)).Should().Equal("MARCH", "FROM-MARCH", "UNTIL-MARCH", "ALWAYS");
        Names(new LocalDate(2024, 3, 31)).Should().Equal("MARCH", "FROM-MARCH", "UNTIL-MARCH", "ALWAYS");
        Names(new LocalDate(2024, 4, 1)).Should().Equal("FROM-MARCH", "ALWAYS");

        IEnumerable<string> Names(LocalDate effectiveOn) =>
            rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), effectiveOn).Select(result => result.Name);
    }

    [Fact]
    public void Disabled_rules_do_not_run_at_all()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "OFF", "Enabled": false, "Expression": "order.Explode() > 0" },
              { "RuleName": "ON", "Expression": "true" }
            ] }
            """;
        using var rules = RuleTestKit.Compile(json);

        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today).Should().ContainSingle().Which.Name.Should().Be("ON");
        rules.Rules.Select(rule => (rule.Name, rule.Enabled)).Should().Equal(("OFF", false), ("ON", true));
    }

    [Fact]
    public void Nested_rules_all_run_see_their_parents_LocalParams_and_combine_by_operator()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "ESCALATING", "Operator": "And",
                "LocalParams": [ { "Name": "daysLeft", "Expression": "Period.Between(asOf, order.Date.PlusDays(100), PeriodUnits.Days).Days" } ],
                "Rules": [
                  { "RuleName": "ESCALATING-INFO", "Expression": "daysLeft > 365", "ErrorMessage": "Only $(daysLeft) days left.", "Properties": { "severity": "info" } },
                  { "RuleName": "ESCALATING-WARNING", "Expression": "daysLeft > 180", "ErrorMessage": "Under half a year: $(daysLeft) days.", "Properties": { "severity": "warning" } },
                  { "RuleName": "ESCALATING-VIOLATION", "Expression": "daysLeft >= 0", "ErrorMessage": "Overdue.", "Properties": { "severity": "violation" } },
                  { "RuleName": "ESCALATING-FUTURE", "Expression": "false", "Properties": { "effectiveFrom": "2030-01-01" } }
                ] },
              { "RuleName": "ANY", "Operator": "OrElse",
                "Rules": [
                  { "RuleName": "ANY-NO", "LocalParams": [ { "Name": "count", "Expression": "order.Lines.Count" } ], "Expression": "count > 5" },
                  { "RuleName": "ANY-YES", "Expression": "order.Total > 0" }
                ] }
            ] }
            """;
        using var rules = RuleTestKit.Compile(json);

        var results = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today);

        var escalating = results[0];
        escalating.IsSuccess.Should().BeFalse();
        escalating.LocalParams.Should().Equal(new LocalParamValue("daysLeft", 100));
        escalating.ChildResults.Select(child => (child.Name, child.IsSuccess)).Should().Equal(
            ("ESCALATING-INFO", false), ("ESCALATING-WARNING", false), ("ESCALATING-VIOLATION", true));
        escalating.ChildResults[1].ErrorMessage.Should().Be("Under half a year: 100 days.");
        var worst = escalating.ChildResults.Where(child => !child.IsSuccess).MaxBy(child => Severity(child.Properties.GetString("severity")));
        worst!.Name.Should().Be("ESCALATING-WARNING");

        var any = results[1];
        any.IsSuccess.Should().BeTrue();
        any.ChildResults.Select(child => child.IsSuccess).Should().Equal(false, true);
        any.ChildResults[0].LocalParams.Should().Equal(new LocalParamValue("count", 2));

        rules.Rules[0].Children.Select(child => child.Path).Should().Equal(
            "ESCALATING/ESCALATING-INFO", "ESCALATING/ESCALATING-WARNING", "ESCALATING/ESCALATING-VIOLATION", "ESCALATING/ESCALATING-FUTURE");

        static int Severity(string? name) => name switch { "violation" => 3, "warning" => 2, _ => 1 };
    }

    [Fact]
    public void A_throwing_rule_fails_alone_and_keeps_the_evidence_computed_so_far()
    {
        var json = """
            { "WorkflowName": "orders", "Rules": [
              { "RuleName": "LOCAL-THROWS", "LocalParams": [ { "Name": "total", "Expression": "order.Total" }, { "Name": "bang", "Expression": "order.Explode()" } ], "Expression": "bang > 0" },
              { "RuleName": "EXPRESSION-THROWS", "Expression": "1 / (order.Lines.Count - 2) > 0" },
              { "RuleName": "MESSAGE-THROWS", "Expression": "false", "ErrorMessage": "Failed: $(order.Explode())" },
              { "RuleName": "MESSAGE-NOT-NEEDED", "Expression": "true", "ErrorMessage": "Failed: $(order.Explode())" },
              { "RuleName": "PARENT", "Operator": "Or", "Rules": [
                { "RuleName": "CHILD-THROWS", "Expression": "order.Explode() > 0" },
                { "RuleName": "CHILD-OK", "Expression": "true" } ] },
              { "RuleName": "STILL-RUNS", "Expression": "order.Total > 0" }
            ] }
            """;
        using var rules = RuleTestKit.Compile(json);

        var results = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today);

        results.Select(result => (result.Name, result.IsSuccess)).Should().Equal(
            ("LOCAL-THROWS", false), ("EXPRESSION-THROWS", false), ("MESSAGE-THROWS", false), ("MESSAGE-NOT-NEEDED", true), ("PARENT", true), ("STILL-RUNS", true));
        results[0].ExceptionMessage.Should().Be("LocalParams[bang]: Regelen feilet med InvalidOperationException: boom in A-1");
        results[0].LocalParams.Should().Equal(new LocalParamValue("total", 25m));
        results[1].ExceptionMessage.Should().Be("Expression: Deling på null. (DivideByZeroException)");
        results[2].ExceptionMessage.Should().Be("ErrorMessage: Regelen feilet med InvalidOperationException: boom in A-1");
        results[2].ErrorMessage.Should().BeNull();
        results[3].ExceptionMessage.Should().BeNull("placeholders are evaluated only when the rule fails");
        results[4].ChildResults[0].ExceptionMessage.Should().StartWith("Expression: Regelen feilet med InvalidOperationException");
        results[4].ChildResults[0].IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void A_throwing_GlobalParam_fails_the_rules_of_its_workflow_only()
    {
        var broken = RuleTestKit.Read(
            """{ "WorkflowName": "broken", "GlobalParams": [ { "Name": "bang", "Expression": "order.Explode()" } ], "Rules": [ { "RuleName": "A", "Expression": "bang > 0" }, { "RuleName": "B", "Expression": "true" } ] }""",
            "broken.json");
        var fine = RuleTestKit.Read("""{ "WorkflowName": "fine", "Rules": [ { "RuleName": "C", "Expression": "true" } ] }""", "fine.json");
        using var rules = RuleCompiler.Compile([broken, fine], RuleTestKit.Options);

        var results = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today);

        results.Select(result => (result.Name, result.IsSuccess)).Should().Equal(("A", false), ("B", false), ("C", true));
        results[0].ExceptionMessage.Should().Be("GlobalParams[bang]: Regelen feilet med InvalidOperationException: boom in A-1");
        rules.Evaluate("fine", RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today).Should().ContainSingle().Which.Name.Should().Be("C");
        rules.WorkflowNames.Should().Equal("broken", "fine");
        rules.RuleCount.Should().Be(3);
        rules.Invoking(r => r.Evaluate("missing", RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today))
            .Should().Throw<ArgumentException>().WithMessage("*'missing'*broken, fine*");
    }

    [Fact]
    public void Lazy_sequences_are_kept_as_a_snapshot_in_the_evidence()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "big.Count() == 1", null, ("big", "order.Lines.Where(l => l.Quantity > 1).Select(l => l.Product)")));
        using var rules = RuleTestKit.Compile(json);

        var evidence = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today)[0].GetLocalParam("big");

        evidence.Should().BeOfType<object[]>().Which.Should().Equal("pen");
    }

    [Fact]
    public void Inputs_must_match_the_parameters()
    {
        using var rules = RuleTestKit.Compile(OrdersWorkflow);

        rules.Invoking(r => r.Evaluate([RuleTestKit.SampleOrder()], Today)).Should().Throw<ArgumentException>().WithMessage("Expected 2 input(s) (order, asOf), got 1.*");
        rules.Invoking(r => r.Evaluate(["not an order", Today], Today)).Should().Throw<ArgumentException>().WithMessage("Input 0 ('order') must be*");
        rules.Invoking(r => r.Evaluate([RuleTestKit.SampleOrder(), null], Today)).Should().Throw<ArgumentException>().WithMessage("Input 1 ('asOf')*null*");
    }

    [Theory]
    [InlineData("order.Lines.Where(l => l.Price < 0).First().Price > 0", "Expression: Listen er tom: First, Single, Min, Max og Average trenger minst ett element. Sjekk med Any() først, eller bruk FirstOrDefault. (InvalidOperationException)")]
    [InlineData("order.Lines.Single().Price > 0", "Expression: Single fant mer enn ett element. Bruk First, eller snevre inn med Where. (InvalidOperationException)")]
    [InlineData("order.Lines.Count * int.MaxValue * int.MaxValue / 0 > 0", "Expression: Deling på null. (DivideByZeroException)")]
    [InlineData("order.Lines[99].Price > 0", "Expression: En verdi er utenfor det gyldige området (en indeks utenfor listen, eller en dato utenfor kalenderen). (ArgumentOutOfRangeException)")]
    public void What_went_wrong_at_evaluation_is_said_in_norwegian(string expression, string expected)
    {
        using var rules = RuleTestKit.Compile(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", expression)));

        var result = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), Today).Single();

        result.ExceptionMessage.Should().Be(expected);
    }

    [Fact]
    public void A_null_reference_input_is_a_runtime_failure_of_the_rules_that_use_it()
    {
        using var rules = RuleTestKit.Compile(RuleTestKit.WorkflowJson(RuleTestKit.Rule("USES", "order.Total > 0"), RuleTestKit.Rule("IGNORES", "asOf.Year > 2000")));

        var results = rules.Evaluate([null, Today], Today);

        results.Select(result => (result.Name, result.IsSuccess)).Should().Equal(("USES", false), ("IGNORES", true));
        results[0].ExceptionMessage.Should().StartWith("Expression: En verdi mangler (null).").And.EndWith("(NullReferenceException)");
    }

    [Fact]
    public void Evaluation_is_thread_safe()
    {
        using var rules = RuleTestKit.Compile(OrdersWorkflow);
        var orders = Enumerable.Range(1, 200)
            .Select(i => RuleTestKit.SampleOrder(new OrderLine("pen", i % 7, 3m, Today.PlusDays(-i))))
            .ToList();
        var sequential = orders.Select(order => Summary(rules.Evaluate(RuleTestKit.Inputs(order), Today))).ToList();

        var parallel = orders.AsParallel().AsOrdered().Select(order => Summary(rules.Evaluate(RuleTestKit.Inputs(order), Today.PlusDays(order.Lines[0].Quantity % 2)))).ToList();

        parallel.Should().Equal(sequential);
    }

    private static string Summary(IReadOnlyList<RuleResult> results) =>
        string.Join(";", results.Select(result => $"{result.Name}:{result.IsSuccess}:{result.ErrorMessage}"));
}
