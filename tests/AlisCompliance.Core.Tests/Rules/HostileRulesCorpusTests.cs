using System.Collections;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>
/// Every case of <see cref="HostileRulesCorpus"/> between two well-behaved rules: the process survives it,
/// and it ends as the case says: refused with a rule-editor diagnostic, stopped by the budget with an
/// evaluation error on that rule only, or harmless with capped output.
/// </summary>
public sealed class HostileRulesCorpusTests
{
    private const int MaxText = 4000;
    private const int MaxItems = 201;

    // Small, so the runaway cases stay quick; generous upper bounds below allow for a loaded 2-core machine.
    private static readonly EvaluationBudget CorpusBudget = new(TimeSpan.FromMilliseconds(500), 100L * 1024 * 1024);

    private static readonly Order ManyLines = RuleTestKit.SampleOrder(
        [.. Enumerable.Range(0, 300).Select(i => new OrderLine($"p{i}", 1 + (i % 5), 10m + i, RuleTestKit.Today.PlusDays(-i)))]);

    public static TheoryData<HostileCase> Corpus => [.. HostileRulesCorpus.Cases];

    [Fact]
    public void The_corpus_covers_every_outcome_with_at_least_40_cases()
    {
        var cases = HostileRulesCorpus.Cases.ToList();
        cases.Should().HaveCountGreaterThanOrEqualTo(40);
        cases.Select(c => c.Outcome).Distinct().Should().HaveCount(3);
        cases.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_hostile_rule_ends_as_expected(HostileCase hostile)
    {
        var json = Workflow(hostile);
        if (hostile.Outcome == HostileOutcome.RefusedAtCompileTime)
        {
            ShouldBeRefused(hostile, json);
            return;
        }

        using var rules = RuleTestKit.Compile(json, RuleTestKit.Options with { Budget = CorpusBudget });
        var clock = Stopwatch.StartNew();
        var results = rules.Evaluate(RuleTestKit.Inputs(ManyLines), RuleTestKit.Today);
        clock.Stop();

        results.Select(result => result.Name).Should().Equal("GOOD-BEFORE", "HOSTILE", "GOOD-AFTER");
        var good = results.Where(result => result.Name != "HOSTILE").ToList();
        var hostileResult = results.Single(result => result.Name == "HOSTILE");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "every rule is stopped at its budget");
        if (hostile.Place != HostilePlace.GlobalParam)
        {
            good.Should().OnlyContain(result => !result.HasException, "the other rules go on");
            good.Single(result => result.Name == "GOOD-BEFORE").ErrorMessage.Should().Be("Total 0");
        }

        if (hostile.Outcome == HostileOutcome.EvaluationErrorWithinBudget)
        {
            hostileResult.ExceptionMessage.Should().Contain("Regelen brukte mer enn").And.Contain("ble stoppet");
        }
        else
        {
            hostileResult.HasException.Should().BeFalse(hostileResult.ExceptionMessage);
        }

        ShouldBeCapped(hostileResult);
    }

    private static void ShouldBeRefused(HostileCase hostile, string json)
    {
        var diagnostics = RuleTestKit.CompileErrors(json);

        var because = string.Join("\n", diagnostics);
        var refusal = diagnostics.Should().Contain(d => hostile.Codes.Contains(d.Code), because).Subject;
        refusal.RulePath.Should().Be(hostile.Place == HostilePlace.GlobalParam ? null : "HOSTILE", because);
        refusal.SourceFile.Should().Be(RuleTestKit.SourceFile);
        refusal.Line.Should().BeGreaterThan(0);
        if (refusal.Code == "RULE014")
        {
            refusal.Message.Should().Contain("Forenkle", "the rule editor is told what to simplify");
        }

        if (refusal.Code == "RULE015")
        {
            refusal.Message.Should().Contain("kunne ikke gjentas");
        }
    }

    private static void ShouldBeCapped(RuleResult result)
    {
        (result.ErrorMessage?.Length ?? 0).Should().BeLessThanOrEqualTo(MaxText);
        (result.ExceptionMessage?.Length ?? 0).Should().BeLessThanOrEqualTo(MaxText + 100);
        foreach (var value in result.LocalParams.Select(parameter => parameter.Value))
        {
            switch (value)
            {
                case string text:
                    text.Length.Should().BeLessThanOrEqualTo(MaxText);
                    break;
                case ICollection items:
                    items.Count.Should().BeLessThanOrEqualTo(MaxItems);
                    break;
            }
        }
    }

    internal static string Workflow(HostileCase hostile)
    {
        var rule = new JsonObject { ["RuleName"] = "HOSTILE" };
        var globals = new JsonArray();
        var locals = hostile.LocalParams.ToList();
        switch (hostile.Place)
        {
            case HostilePlace.Expression:
                rule["Expression"] = hostile.Text;
                break;
            case HostilePlace.LocalParam:
                locals.Add(("evil", hostile.Text));
                rule["Expression"] = "true";
                break;
            case HostilePlace.Placeholder:
                rule["Expression"] = "false";
                rule["ErrorMessage"] = $"Verdien er $({hostile.Text}).";
                break;
            case HostilePlace.GlobalParam:
                globals = RuleTestKit.Params(("evil", hostile.Text));
                rule["Expression"] = "true";
                break;
        }

        if (locals.Count > 0)
        {
            rule["LocalParams"] = RuleTestKit.Params([.. locals]);
        }

        return RuleTestKit.WorkflowJson(
            globals,
            RuleTestKit.Rule("GOOD-BEFORE", "order.Total < 0", "Total $(order.Lines.Count(l => l.Price < 0))"),
            rule,
            RuleTestKit.Rule("GOOD-AFTER", "lines > 0", null, ("lines", "order.Lines.Count")));
    }
}
