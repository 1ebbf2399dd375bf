namespace AlisCompliance.Core.Rules;

/// <summary>The outcome of one rule for one set of inputs.</summary>
/// <param name="ErrorMessage">The ErrorMessage with its $(…) placeholders filled; only when the rule failed.</param>
/// <param name="LocalParams">The LocalParams values in declaration order (those computed before an exception, if one was thrown).</param>
/// <param name="ChildResults">Results of the nested rules that applied, in file order; all of them ran.</param>
/// <param name="ExceptionMessage">Set when evaluating the rule threw; the rule then counts as failed.</param>
public sealed record RuleResult(
    RuleMetadata Rule,
    bool IsSuccess,
    string? ErrorMessage,
    IReadOnlyList<LocalParamValue> LocalParams,
    IReadOnlyList<RuleResult> ChildResults,
    string? ExceptionMessage)
{
    public string Name => Rule.Name;

    public string WorkflowName => Rule.WorkflowName;

    public RuleProperties Properties => Rule.Properties;

    public bool HasException => ExceptionMessage is not null;

    /// <summary>The value of the LocalParam <paramref name="name"/>, or null when it was not computed.</summary>
    public object? GetLocalParam(string name)
    {
        foreach (var value in LocalParams)
        {
            if (string.Equals(value.Name, name, StringComparison.Ordinal))
            {
                return value.Value;
            }
        }

        return null;
    }
}
