using System.Collections;

namespace AlisCompliance.Core.Rules;

/// <summary>Runtime helpers called by the generated rule code (reached through InternalsVisibleTo).</summary>
internal static class GeneratedRuleSupport
{
    /// <summary>A LocalParam's value as the evidence keeps it: lazy or long sequences as their first items, long texts cut.</summary>
    public static object? Evidence<T>(T value)
    {
        RuleBudget.Check();
        return value switch
        {
            string text => OutputLimits.Text(text),
            IEnumerable sequence when OutputLimits.IsItemSequence(value) && (DeferredSequence<T>.IsDeferred || IsLong(sequence)) => OutputLimits.Items(sequence),
            _ => value,
        };
    }

    /// <summary>A placeholder's value as message text: a long sequence is formatted from its first items, and the text is cut.</summary>
    public static string Format(Func<object?, string> format, object? value)
    {
        RuleBudget.Check();
        var shown = value is IEnumerable sequence && OutputLimits.IsItemSequence(value) && (sequence is not ICollection || IsLong(sequence))
            ? OutputLimits.Items(sequence)
            : value;
        return OutputLimits.Text(format(shown));
    }

    public static RuleResult Completed(
        RuleMetadata rule,
        bool isSuccess,
        string? errorMessage,
        LocalParamValue[] values,
        RuleResult?[]? children) =>
        new(rule, isSuccess, isSuccess || errorMessage is null ? null : OutputLimits.Text(errorMessage), values, Compact(children), null);

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
        var description = exception is RuleBudgetExceededException ? exception.Message : Describe(exception);
        return new RuleResult(rule, false, null, computed, Compact(children), $"{stage}: {OutputLimits.Text(description)}");
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

    public static string Describe(Exception exception) => EvaluationErrorText.Describe(exception);

    private static bool IsLong(IEnumerable sequence) => sequence is not ICollection collection || collection.Count > OutputLimits.MaxItems;

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
