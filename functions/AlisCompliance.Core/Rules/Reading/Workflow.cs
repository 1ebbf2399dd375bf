namespace AlisCompliance.Core.Rules;

/// <summary>One workflow file: its global parameters and its top-level rules in file order.</summary>
public sealed record Workflow(
    string Name,
    string SourceFile,
    SourcePosition NamePosition,
    IReadOnlyList<ScopedParameter> GlobalParams,
    IReadOnlyList<RuleDefinition> Rules);
