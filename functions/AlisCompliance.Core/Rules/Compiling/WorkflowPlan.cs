namespace AlisCompliance.Core.Rules;

/// <summary>A workflow with its rules numbered in pre-order.</summary>
internal sealed class WorkflowPlan
{
    private WorkflowPlan(int index, Workflow workflow, List<RuleNode> nodes)
    {
        Index = index;
        Workflow = workflow;
        Nodes = nodes;
        TopLevel = [.. nodes.Where(node => node.Parent is null)];
    }

    public int Index { get; }

    public Workflow Workflow { get; }

    public IReadOnlyList<RuleNode> Nodes { get; }

    public IReadOnlyList<RuleNode> TopLevel { get; }

    public static WorkflowPlan Create(Workflow workflow, int index)
    {
        var nodes = new List<RuleNode>();
        foreach (var rule in workflow.Rules)
        {
            Add(rule, null);
        }

        return new WorkflowPlan(index, workflow, nodes);

        void Add(RuleDefinition definition, RuleNode? parent)
        {
            var node = new RuleNode
            {
                Index = nodes.Count,
                Definition = definition,
                Path = parent is null ? definition.Name : parent.Path + "/" + definition.Name,
                Parent = parent,
            };
            nodes.Add(node);
            parent?.Children.Add(node);
            foreach (var child in definition.Rules)
            {
                Add(child, node);
            }
        }
    }
}
