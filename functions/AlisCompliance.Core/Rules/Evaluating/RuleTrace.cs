namespace AlisCompliance.Core.Rules;

/// <summary>The results of one evaluation and, per rule (by reference to its metadata), the facts it read.</summary>
public sealed record RuleTrace(IReadOnlyList<RuleResult> Results, IReadOnlyDictionary<RuleMetadata, IReadOnlyList<FactValue>> Facts)
{
    public IReadOnlyList<FactValue> FactsOf(RuleMetadata rule) => Facts.TryGetValue(rule, out var facts) ? facts : [];
}
