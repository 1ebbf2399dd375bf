using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Rules;
using NodaTime;
using RulesEngine.Models;
using ReRuleParameter = RulesEngine.Models.RuleParameter;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>Microsoft RulesEngine 6.0.1 over our workflows, with the facts and NodaTime types registered.</summary>
internal sealed class ReferenceEngine
{
    /// <summary>Every type a rule names or calls a method on; Dynamic LINQ refuses methods of unregistered types.</summary>
    public static readonly Type[] CustomTypes =
    [
        .. ComplianceRuleSet.FactsTypes, .. ComplianceRuleSet.HelperTypes,
        typeof(Dates), typeof(LocalDate), typeof(Period), typeof(DateInterval), typeof(YearMonth), typeof(Math),
    ];

    private readonly RulesEngine.RulesEngine engine;

    public ReferenceEngine(IReadOnlyList<ReWorkflow> workflows)
    {
        Workflows = workflows;
        engine = new RulesEngine.RulesEngine([.. workflows], new ReSettings { CustomTypes = CustomTypes });
    }

    public IReadOnlyList<ReWorkflow> Workflows { get; }

    public async Task<IReadOnlyList<RuleResultTree>> EvaluateAsync(string workflowName, AlisFacts alis, LocalDate asOf) =>
        await engine.ExecuteAllRulesAsync(workflowName, new ReRuleParameter("alis", alis), new ReRuleParameter("asOf", asOf));
}
