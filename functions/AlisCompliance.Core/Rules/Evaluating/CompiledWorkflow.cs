using NodaTime;

namespace AlisCompliance.Core.Rules;

/// <summary>One workflow's generated evaluator and its rules, flattened in pre-order (the node indexes of the generated code).</summary>
internal sealed class CompiledWorkflow(
    string name,
    WorkflowEvaluator evaluator,
    RuleMetadata[] nodes,
    int[] topLevelNodes,
    IReadOnlyList<string> globalParamNames)
{
    public string Name { get; } = name;

    public RuleMetadata[] Nodes { get; } = nodes;

    public int[] TopLevelNodes { get; } = topLevelNodes;

    public IReadOnlyList<string> GlobalParamNames { get; } = globalParamNames;

    /// <summary>Null once released, so the collectible assembly it points into can unload.</summary>
    public WorkflowEvaluator? Evaluator { get; private set; } = evaluator;

    public void Release() => Evaluator = null;

    public bool[] ActiveNodes(LocalDate effectiveOn)
    {
        var active = new bool[Nodes.Length];
        for (var i = 0; i < Nodes.Length; i++)
        {
            active[i] = Nodes[i].Enabled && Nodes[i].EffectivePeriod.Contains(effectiveOn);
        }

        return active;
    }
}
