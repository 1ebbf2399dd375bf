using System.Text.Json;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// One rule as read from a workflow file: either a leaf with an <see cref="Expression"/> or a parent
/// with nested <see cref="Rules"/> combined by <see cref="Operator"/>.
/// </summary>
public sealed record RuleDefinition(
    string Name,
    SourcePosition NamePosition,
    bool Enabled,
    SourceExpression? Expression,
    RuleOperator? Operator,
    IReadOnlyList<ScopedParameter> LocalParams,
    IReadOnlyList<RuleDefinition> Rules,
    SourceExpression? ErrorMessage,
    string? SuccessEvent,
    RuleProperties Properties,
    JsonElement? Actions,
    EffectivePeriod EffectivePeriod);
