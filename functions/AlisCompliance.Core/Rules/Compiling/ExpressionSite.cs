namespace AlisCompliance.Core.Rules;

/// <summary>One C# expression of the rule set and where it comes from.</summary>
/// <param name="Field">How diagnostics name it: "Expression", "LocalParams[hours]", "GlobalParams[target]", "ErrorMessage $(hours)".</param>
/// <param name="SourceOffset">Where <paramref name="Text"/> starts in <paramref name="Source"/> (placeholders are inside an ErrorMessage).</param>
internal sealed record ExpressionSite(
    WorkflowPlan Workflow,
    RuleNode? Rule,
    ExpressionRole Role,
    string Field,
    SourceExpression Source,
    int SourceOffset,
    string Text)
{
    public RuleDiagnostic Diagnostic(int offset, string code, string message) =>
        new(Workflow.Workflow.SourceFile, Workflow.Workflow.Name, Rule?.Path, Field, Source.PositionAt(SourceOffset + offset), code, message);
}
