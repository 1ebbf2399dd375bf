namespace AlisCompliance.Core.Rules;

/// <summary>A rule placed in its workflow's pre-order numbering, which the generated code uses as its index.</summary>
internal sealed class RuleNode
{
    public required int Index { get; init; }

    public required RuleDefinition Definition { get; init; }

    /// <summary>"NAME" for a top-level rule, "PARENT/CHILD" for nested ones.</summary>
    public required string Path { get; init; }

    public required RuleNode? Parent { get; init; }

    public List<RuleNode> Children { get; } = [];

    public IEnumerable<RuleNode> SelfAndAncestors()
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }
}
