namespace AlisCompliance.Core.Rules;

/// <summary>What a compiled rule is, independent of any evaluation.</summary>
/// <param name="Path">The rule's name, prefixed by its parents' names for nested rules ("PARENT/CHILD").</param>
public sealed record RuleMetadata(
    string Name,
    string Path,
    string WorkflowName,
    string SourceFile,
    SourcePosition Position,
    bool Enabled,
    EffectivePeriod EffectivePeriod,
    RuleOperator? Operator,
    string? SuccessEvent,
    RuleProperties Properties,
    IReadOnlyList<string> LocalParamNames,
    IReadOnlyList<RuleMetadata> Children);
