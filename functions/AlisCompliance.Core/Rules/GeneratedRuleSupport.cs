using System.Collections;

namespace AlisCompliance.Core.Rules;

/// <summary>Runtime helpers called by the generated rule code (reached through InternalsVisibleTo).</summary>
internal static class GeneratedRuleSupport
{
    public static object? Evidence<T>(T value) =>
        DeferredSequence<T>.IsDeferred && value is IEnumerable sequence ? sequence.Cast<object?>().ToArray() : value;

    public static RuleResult Completed(
        RuleMetadata rule,
        bool isSuccess,
        string? errorMessage,
        LocalParamValue[] values,
        RuleResult?[]? children) =>
        new(rule, isSuccess, isSuccess ? null : errorMessage, values, Compact(children), null);

    /// <param name="step">How far the rule got: LocalParams done so far, then the Expression, then the ErrorMessage.</param>
    public static RuleResult Threw(
        RuleMetadata rule,
        Exception exception,
        int step,
        LocalParamValue[] values,
        RuleResult?[]? children)
    {
        var names = rule.LocalParamNames;
        var stage = step < names.Count ? $"LocalParams[{names[step]}]"
            : step == names.Count ? (rule.Operator is null ? "Expression" : "Rules")
            : "ErrorMessage";
        var computed = values[..Math.Min(step, values.Length)];
        return new RuleResult(rule, false, null, computed, Compact(children), $"{stage}: {Describe(exception)}");
    }

    /// <summary>Combines the children that applied; a parent whose children all were skipped has nothing to violate.</summary>
    public static bool Combine(RuleOperator ruleOperator, RuleResult?[] children)
    {
        var applied = false;
        var anySucceeded = false;
        var allSucceeded = true;
        foreach (var child in children)
        {
            if (child is null)
            {
                continue;
            }

            applied = true;
            anySucceeded |= child.IsSuccess;
            allSucceeded &= child.IsSuccess;
        }

        if (!applied)
        {
            return true;
        }

        return ruleOperator is RuleOperator.And or RuleOperator.AndAlso ? allSucceeded : anySucceeded;
    }

    public static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    private static RuleResult[] Compact(RuleResult?[]? children)
    {
        if (children is null || children.Length == 0)
        {
            return [];
        }

        // Skipped children (disabled or out of period) leave null slots; without any, the array is used as it is.
        return Array.IndexOf(children, null) < 0 ? (RuleResult[])(object)children : [.. children.OfType<RuleResult>()];
    }

    private static class DeferredSequence<T>
    {
        // A value typed as IEnumerable<T> is usually a lazy LINQ pipeline holding delegates into the generated
        // assembly: snapshotting it keeps the evidence stable and lets a disposed rule set unload.
        public static readonly bool IsDeferred =
            typeof(T).IsInterface
            && typeof(T).IsGenericType
            && (typeof(T).GetGenericTypeDefinition() == typeof(IEnumerable<>)
                || typeof(T).GetGenericTypeDefinition() == typeof(IOrderedEnumerable<>));
    }
}
