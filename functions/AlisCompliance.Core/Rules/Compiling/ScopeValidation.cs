namespace AlisCompliance.Core.Rules;

/// <summary>
/// Naming problems found before code generation: the unusable parameters are emitted under a
/// placeholder name, and C# errors inside the broken rules/workflows are not reported because they
/// would only echo the naming problem.
/// </summary>
internal sealed class ScopeValidation
{
    public HashSet<ScopedParameter> UnusableParameters { get; } = new(ReferenceEqualityComparer.Instance);

    public HashSet<RuleNode> BrokenRules { get; } = [];

    public HashSet<WorkflowPlan> BrokenWorkflows { get; } = [];

    public bool IsSuppressed(WorkflowPlan workflow, RuleNode? rule) =>
        BrokenWorkflows.Contains(workflow) || (rule is not null && rule.SelfAndAncestors().Any(BrokenRules.Contains));

    public void MarkBroken(WorkflowPlan workflow, RuleNode? rule)
    {
        if (rule is null)
        {
            BrokenWorkflows.Add(workflow);
        }
        else
        {
            BrokenRules.Add(rule);
        }
    }
}
