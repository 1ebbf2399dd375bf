using System.Runtime.CompilerServices;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

public sealed class CompiledRuleSetLifetimeTests
{
    private static readonly string Json = RuleTestKit.WorkflowJson(
        RuleTestKit.Params(("minimum", "10m")),
        RuleTestKit.Rule("BIG", "total > minimum", "Only $(total)", ("total", "order.Total"), ("products", "order.Lines.Select(l => l.Product)")),
        RuleTestKit.Rule("PEN", "order.Lines.Any(l => l.Product == \"pen\")"));

    [Fact]
    public void Disposing_unloads_the_generated_assembly_even_while_the_rule_set_and_its_results_are_still_referenced()
    {
        var (rules, results) = CompileAndEvaluate();
        var assembly = WeakReferenceToGeneratedAssembly(rules);
        var loadContext = WeakReferenceToLoadContext(rules);

        rules.Dispose();
        for (var attempt = 0; attempt < 20 && (assembly.IsAlive || loadContext.IsAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        assembly.IsAlive.Should().BeFalse("a disposed rule set must let go of its collectible assembly");
        loadContext.IsAlive.Should().BeFalse();
        results[0].GetLocalParam("products").Should().BeEquivalentTo(new[] { "pen", "ink" }, "lazy evidence is a snapshot that needs no generated code");
        GC.KeepAlive(rules);
    }

    [Fact]
    public void A_rule_set_dropped_without_disposing_still_unloads()
    {
        var assembly = CompileEvaluateAndDrop();

        for (var attempt = 0; attempt < 20 && assembly.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        assembly.IsAlive.Should().BeFalse();
    }

    [Fact]
    public void A_disposed_rule_set_refuses_to_evaluate()
    {
        var rules = RuleTestKit.Compile(Json);
        rules.Dispose();
        rules.Dispose();

        rules.Invoking(r => r.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today)).Should().Throw<ObjectDisposedException>();
        rules.LoadContext.Should().BeNull();
    }

    [Fact]
    public void Compiling_the_same_workflows_twice_gives_the_same_code_and_the_same_results()
    {
        using var first = RuleTestKit.Compile(Json);
        using var second = RuleTestKit.Compile(Json);
        var passing = RuleTestKit.Inputs(RuleTestKit.SampleOrder());
        var failing = RuleTestKit.Inputs(RuleTestKit.SampleOrder(new OrderLine("ink", 1, 5m, RuleTestKit.Today)));

        first.GeneratedSource.Should().Contain("order.Total");
        second.GeneratedSource.Should().Be(first.GeneratedSource);

        // The results are the right ones, not merely equal to each other: pen 2 × 10 + ink 1 × 5 is over the minimum, ink alone is not.
        Describe(first.Evaluate(passing, RuleTestKit.Today)).Should().Equal("BIG True  total=25,products=pen|ink", "PEN True  ");
        Describe(first.Evaluate(failing, RuleTestKit.Today)).Should().Equal("BIG False Only 5 total=5,products=ink", "PEN False  ");
        Describe(second.Evaluate(passing, RuleTestKit.Today)).Should().Equal(Describe(first.Evaluate(passing, RuleTestKit.Today)));
        Describe(second.Evaluate(failing, RuleTestKit.Today)).Should().Equal(Describe(first.Evaluate(failing, RuleTestKit.Today)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (CompiledRuleSet Rules, IReadOnlyList<RuleResult> Results) CompileAndEvaluate()
    {
        var rules = RuleTestKit.Compile(Json);
        var results = rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today);
        results.Should().HaveCount(2);
        return (rules, results);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakReferenceToGeneratedAssembly(CompiledRuleSet rules) => new(rules.LoadContext!.Assemblies.Single());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakReferenceToLoadContext(CompiledRuleSet rules) => new(rules.LoadContext);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileEvaluateAndDrop()
    {
        var rules = RuleTestKit.Compile(Json);
        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today).Should().HaveCount(2);
        return WeakReferenceToGeneratedAssembly(rules);
    }

    private static IEnumerable<string> Describe(IReadOnlyList<RuleResult> results) =>
        results.Select(result => $"{result.Name} {result.IsSuccess} {result.ErrorMessage} "
            + string.Join(",", result.LocalParams.Select(value => $"{value.Name}={(value.Value is object[] items ? string.Join("|", items) : value.Value)}")));
}
