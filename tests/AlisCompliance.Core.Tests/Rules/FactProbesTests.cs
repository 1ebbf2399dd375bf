using AlisCompliance.Core.Rules;
using static AlisCompliance.Core.Tests.Rules.RuleTestKit;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>Rules compiled for explaining record the facts they read; the normal compile records nothing.</summary>
public class FactProbesTests
{
    private static readonly RuleCompilerOptions Recording = Options with { RecordReadsOf = "order" };

    [Fact]
    public void Each_read_of_the_input_is_recorded_with_its_value_under_its_rule()
    {
        var json = WorkflowJson(
            Params(("cutoff", "asOf.PlusMonths(-1)")),
            Rule("BIG", "order.Total > limit && order.Lines.Any(line => line.Amount > order.Total / 2)", "Total $(order.Total)", ("limit", "100m")),
            Rule("RECENT", "order.TotalBetween(cutoff, asOf) > 0 && order.Lines.Count(line => line.Date >= cutoff) > 0"));
        using var rules = Compile(json, Recording);

        var trace = rules.Trace(Inputs(SampleOrder()), Today);

        var big = trace.Results.Single(result => result.Name == "BIG");
        big.IsSuccess.Should().BeFalse();
        // && stops at the first false: only what the rule really read is there; the LocalParam is evidence, not a fact.
        trace.FactsOf(big.Rule).Should().Equal(new FactValue("order.Total", 25m));
        var recent = trace.Results.Single(result => result.Name == "RECENT");
        trace.FactsOf(recent.Rule).Should().Equal(
            new FactValue("cutoff", Today.PlusMonths(-1)),
            new FactValue("order.TotalBetween(cutoff, asOf)", 20m),
            new FactValue("order.Lines.Count(line => line.Date >= cutoff)", 1));
    }

    [Fact]
    public void A_read_that_uses_a_lambda_parameter_is_not_recorded_but_the_collection_it_runs_over_is()
    {
        var json = WorkflowJson(Rule("ANY", "order.Lines.Where(line => line.Price > 1m).Any(line => order.TotalBetween(line.Date, line.Date) > 100m)"));
        using var rules = Compile(json, Recording);

        var trace = rules.Trace(Inputs(SampleOrder()), Today);

        var facts = trace.FactsOf(trace.Results.Single().Rule);
        facts.Select(fact => fact.Expression).Should().Equal("order.Lines.Where(line => line.Price > 1m).Any(line => order.TotalBetween(line.Date, line.Date) > 100m)");
        facts.Single().Value.Should().Be(false);
    }

    [Fact]
    public void The_normal_compile_has_no_probes_and_records_nothing()
    {
        var json = WorkflowJson(Rule("BIG", "order.Total > 100m"));
        using var normal = Compile(json);
        using var recording = Compile(json, Recording);

        normal.RecordsReads.Should().BeFalse();
        normal.Trace(Inputs(SampleOrder()), Today).Facts.Should().BeEmpty();
        recording.RecordsReads.Should().BeTrue();
        recording.Evaluate(Inputs(SampleOrder()), Today).Single().IsSuccess.Should().Be(normal.Evaluate(Inputs(SampleOrder()), Today).Single().IsSuccess);
    }

    [Theory]
    [InlineData("order.LastLineDate != null && order.LastLineDate.Value <= asOf")]
    [InlineData("order?.LastLineDate == null || order.Lines.Count > 0")]
    [InlineData("order.LastLineDate is LocalDate last && last.PlusDays(order.Lines.Count) > asOf")]
    [InlineData("(order.Lines.Count > 5 ? order.Total : 0m) < 100m")]
    [InlineData("order.Lines.Select(line => line.Amount).Where(amount => amount > order.Total / 10).Sum() > 0m")]
    [InlineData("order.Lines.Any(line => order.Lines.Count(other => other.Date == line.Date) > 1) == false")]
    [InlineData("order.Lines[0].Product.Length + order.Number.Length > 2")]
    [InlineData("order.Tier == CustomerTier.Standard && order.Lines.OrderBy(line => line.Date).First().Date < asOf")]
    public void Recording_compiles_and_decides_as_the_normal_compile(string expression)
    {
        var json = WorkflowJson(Rule("R", expression, "Sum $(order.Total), $(order.Lines.Count)"));
        using var normal = Compile(json);
        using var recording = Compile(json, Recording);

        var expected = normal.Evaluate(Inputs(SampleOrder()), Today).Single();
        var traced = recording.Trace(Inputs(SampleOrder()), Today);

        traced.Results.Single().Should().BeEquivalentTo(expected, options => options.Excluding(result => result.Rule));
        traced.FactsOf(traced.Results.Single().Rule).Should().NotBeEmpty();
    }
}
