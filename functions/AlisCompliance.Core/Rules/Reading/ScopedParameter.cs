namespace AlisCompliance.Core.Rules;

/// <summary>A named intermediate value (RulesEngine's GlobalParams / LocalParams entry).</summary>
public sealed record ScopedParameter(string Name, SourcePosition NamePosition, SourceExpression Expression);
