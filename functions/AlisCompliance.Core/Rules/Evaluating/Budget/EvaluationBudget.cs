namespace AlisCompliance.Core.Rules;

/// <summary>How much time and memory one top-level rule (with its nested rules) may use for one set of inputs.</summary>
/// <param name="MaxTime">Wall-clock time, measured from the rule's first LocalParam.</param>
/// <param name="MaxAllocatedBytes">Bytes allocated on the evaluating thread while the rule runs.</param>
public sealed record EvaluationBudget(TimeSpan MaxTime, long MaxAllocatedBytes)
{
    /// <summary>2 s and 200 MB: far above what any real rule needs, far below what stalls the service.</summary>
    public static EvaluationBudget Default { get; } = new(TimeSpan.FromSeconds(2), 200L * 1024 * 1024);
}
