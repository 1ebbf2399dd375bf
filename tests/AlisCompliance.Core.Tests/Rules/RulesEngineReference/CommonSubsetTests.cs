using AlisCompliance.Core.Rules;
using NodaTime;
using RulesEngine.Models;
using ReRule = RulesEngine.Models.Rule;
using ReRuleParameter = RulesEngine.Models.RuleParameter;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>
/// The common-subset warning is right both ways: what it flags does not compile on RulesEngine 6.0.1, and what it
/// lets through runs there with the same result as here.
/// </summary>
public sealed class CommonSubsetTests
{
    private static readonly Type[] OrderTypes =
        [typeof(Order), typeof(OrderLine), typeof(CustomerTier), typeof(Dates), typeof(LocalDate), typeof(Period), typeof(DateInterval), typeof(Math)];

    [Theory]
    [InlineData("(int)order.Total > 0", "Typekonvertering '(int)…'")]
    [InlineData("new LocalDate(2024, 6, 30) >= asOf", "Dates.Parse(\"2026-12-31\")")]
    [InlineData("order.LastLineDate <= asOf", "skriv x != null && x.Value <= … (den som kan mangle, er order.LastLineDate)")]
    [InlineData("asOf > order.LastLineDate", "(den som kan mangle, er order.LastLineDate)")]
    [InlineData("$\"{order.Number}\" == \"A-1\"", "$(…) i ErrorMessage")]
    [InlineData("order.Lines.Count is 2", "Mønstre")]
    [InlineData("(order.Lines.Count switch { 2 => true, _ => false })", "Mønstre")]
    [InlineData("(order.Total, 1).Item2 == 1", "Tupler")]
    [InlineData("default(int) == 0", "'default'")]
    [InlineData("new DateInterval(asOf, asOf).Length == 1", "'new DateInterval(asOf, asOf)'")]
    public async Task What_the_warning_flags_does_not_compile_on_RulesEngine(string expression, string hint)
    {
        using var rules = RuleTestKit.Compile(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", expression)));

        rules.Warnings.Should().NotBeEmpty().And.OnlyContain(warning => warning.Code == RuleDiagnosticCodes.OutsideCommonSubset && !warning.IsError);
        rules.Warnings.Select(warning => warning.Message).Should().Contain(message => message.Contains(hint, StringComparison.Ordinal));
        var reference = await RunOnRulesEngine(expression);
        reference.ExceptionMessage.Should().StartWith("Exception while parsing expression", "RulesEngine should refuse '{0}'", expression);
    }

    [Theory]
    [InlineData("order.Total > 0 && order.Lines.Count == 2 || order.Tier == CustomerTier.Gold")]
    [InlineData("order.LastLineDate != null && order.LastLineDate.Value <= asOf")]
    [InlineData("Dates.Parse(\"2024-06-30\") >= asOf && Period.DaysBetween(order.Date, asOf) == 0")]
    [InlineData("Math.Floor(order.Total / 3m) >= 8 && Math.Max(1, 2) == 2")]
    [InlineData("(order.Lines.Any(line => line.Quantity > 1) ? 1 : 0) == 1")]
    [InlineData("new[] { \"pen\", \"ink\" }.Contains(order.Lines[0].Product) && !order.Lines.Any(line => line.Price < 0)")]
    [InlineData("order.Lines.Where(line => line.Date < asOf).Sum(line => line.Amount) == 5m")]
    public async Task What_the_warning_lets_through_runs_on_RulesEngine_with_the_same_result(string expression)
    {
        using var rules = RuleTestKit.Compile(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", expression)));
        var ours = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today).Single();

        rules.Warnings.Should().BeEmpty();
        var reference = await RunOnRulesEngine(expression);
        reference.ExceptionMessage.Should().BeNullOrEmpty();
        reference.IsSuccess.Should().Be(ours.IsSuccess).And.BeTrue("every expression here holds for the sample order");
    }

    private static async Task<RuleResultTree> RunOnRulesEngine(string expression)
    {
        var workflow = new ReWorkflow { WorkflowName = "w", Rules = [new ReRule { RuleName = "R", Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression }] };
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = OrderTypes });
        var results = await engine.ExecuteAllRulesAsync("w", new ReRuleParameter("order", RuleTestKit.SampleOrder()), new ReRuleParameter("asOf", RuleTestKit.Today));
        return results.Single();
    }
}
