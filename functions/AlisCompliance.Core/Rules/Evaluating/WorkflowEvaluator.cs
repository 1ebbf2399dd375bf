namespace AlisCompliance.Core.Rules;

/// <summary>
/// The shape of each generated workflow method: evaluates the active rules of one workflow and stores
/// each top-level result at its node index in <paramref name="output"/>.
/// </summary>
internal delegate void WorkflowEvaluator(
    IReadOnlyList<object?> inputs,
    bool[] active,
    RuleResult?[] output,
    RuleMetadata[] rules,
    Func<object?, string> format);
