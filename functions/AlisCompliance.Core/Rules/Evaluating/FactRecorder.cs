namespace AlisCompliance.Core.Rules;

/// <summary>
/// Where the fact probes of a rule set compiled for explaining (<see cref="FactProbes"/>) store what they read, for the
/// evaluation running on this thread. Without a recording in progress a probe only returns its value.
/// </summary>
internal static class FactRecorder
{
    [ThreadStatic]
    private static Dictionary<(int Workflow, int Rule), List<FactValue>>? current;

    /// <summary>Called by the generated code: keeps the first value of each expression per rule (capped as evidence is), returns the value.</summary>
    public static T Record<T>(int workflow, int rule, string expression, T value)
    {
        if (current is { } recording)
        {
            if (!recording.TryGetValue((workflow, rule), out var facts))
            {
                recording[(workflow, rule)] = facts = [];
            }

            if (facts.Count < OutputLimits.MaxItems && !facts.Exists(fact => string.Equals(fact.Expression, expression, StringComparison.Ordinal)))
            {
                facts.Add(new FactValue(expression, GeneratedRuleSupport.Evidence(value)));
            }
        }

        return value;
    }

    /// <summary>Runs <paramref name="evaluate"/> with a fresh recording on this thread and returns what it read, by workflow and rule index.</summary>
    public static (T Result, IReadOnlyDictionary<(int Workflow, int Rule), List<FactValue>> Facts) During<T>(Func<T> evaluate)
    {
        var previous = current;
        var recording = new Dictionary<(int Workflow, int Rule), List<FactValue>>();
        current = recording;
        try
        {
            return (evaluate(), recording);
        }
        finally
        {
            current = previous;
        }
    }
}
