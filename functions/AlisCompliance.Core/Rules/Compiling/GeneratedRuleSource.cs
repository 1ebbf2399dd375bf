namespace AlisCompliance.Core.Rules;

/// <summary>The generated C# for a rule set and the map from its text back to the workflow files.</summary>
internal sealed record GeneratedRuleSource(
    string Text,
    IReadOnlyList<ExpressionSegment> Expressions,
    IReadOnlyList<NameSegment> Names,
    IReadOnlyList<RuleBlockSegment> RuleBlocks);

/// <summary>A rule expression pasted verbatim at [Start, Start + Length) of the generated text.</summary>
internal sealed record ExpressionSegment(int Start, int Length, ExpressionSite Site)
{
    public int End => Start + Length;
}

/// <summary>A GlobalParams/LocalParams name as declared in the generated text.</summary>
internal sealed record NameSegment(int Start, int Length, WorkflowPlan Workflow, RuleNode? Rule, string Field, SourcePosition Position);

/// <summary>The generated block that evaluates one rule (including its nested rules).</summary>
internal sealed record RuleBlockSegment(int Start, int Length, WorkflowPlan Workflow, RuleNode Rule);
