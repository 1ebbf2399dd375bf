using AlisCompliance.Application.Loading;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// The rule set the service evaluates with: the one shipped beside the program, compiled once on first use (a cold
/// compile takes a second or two) and shared by every evaluation. A rule set that does not compile throws here, so the
/// evaluation fails, is retried, and never runs on a broken rule set.
/// </summary>
/// <param name="budget">Time and memory per top-level rule and ALIS; <see cref="EvaluationBudget.Default"/> when not configured.</param>
public sealed class ComplianceRules(RulesDirectory directory, TrainingCatalog catalog, EvaluationBudget? budget = null)
{
    private readonly Lazy<Task<CompiledRules>> compiled = new(() => CompileAsync(directory, catalog, budget));

    public TrainingCatalog Catalog => catalog;

    public Task<CompiledRules> GetAsync(CancellationToken cancellationToken) => compiled.Value.WaitAsync(cancellationToken);

    private static async Task<CompiledRules> CompileAsync(RulesDirectory rules, TrainingCatalog trainingCatalog, EvaluationBudget? budget)
    {
        var ruleSet = ComplianceRuleSet.Compile(await rules.ReadWorkflowsAsync(CancellationToken.None), budget);
        return new CompiledRules(new ComplianceChecker(ruleSet, trainingCatalog), ruleSet);
    }
}

/// <summary>A compiled rule set and the checker that evaluates it.</summary>
public sealed record CompiledRules(ComplianceChecker Checker, ComplianceRuleSet RuleSet)
{
    public string Version => RuleSet.Version;
}
