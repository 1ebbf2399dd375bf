using System.Diagnostics;
using System.Globalization;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// The running rule's budget on this thread. The generated code starts it for every top-level rule and probes
/// it at every lambda call and after every computed value; a probe over budget throws, which the rule's own
/// try/catch turns into an evaluation error for that rule only. Threads cannot be aborted, so the rule stops itself.
/// </summary>
internal static class RuleBudget
{
    // Reading the clock and the allocation counter costs a little; a lambda call costs less.
    private const int CallsBetweenMeasurements = 32;

    [ThreadStatic]
    private static EvaluationBudget? budget;

    // Zero while no rule runs on this thread: a lazy value of a finished rule that is enumerated later
    // (when the report is written) runs its lambdas outside any budget, as it always did.
    [ThreadStatic]
    private static long startTimestamp;

    [ThreadStatic]
    private static long startAllocated;

    [ThreadStatic]
    private static int callsUntilMeasurement;

    /// <summary>The budget later <see cref="StartRule"/> calls on this thread use; returns the one it replaces. No rule runs until the next StartRule.</summary>
    public static EvaluationBudget? Use(EvaluationBudget? value)
    {
        var previous = budget;
        budget = value;
        startTimestamp = 0;
        return previous;
    }

    public static void StartRule()
    {
        startTimestamp = Stopwatch.GetTimestamp();
        startAllocated = GC.GetAllocatedBytesForCurrentThread();
        callsUntilMeasurement = CallsBetweenMeasurements;
    }

    /// <summary>Called at the start of every lambda body: true to go on; false when <see cref="Exceeded"/> should be thrown.</summary>
    public static bool Continue()
    {
        if (--callsUntilMeasurement > 0)
        {
            return true;
        }

        callsUntilMeasurement = CallsBetweenMeasurements;
        return Overrun() is null;
    }

    /// <summary>Called after every computed value; throws when the rule is over budget.</summary>
    public static void Check()
    {
        if (Overrun() is not null)
        {
            throw Exceeded();
        }
    }

    public static RuleBudgetExceededException Exceeded() =>
        new(Overrun() ?? "Regelen brukte mer enn budsjettet sitt og ble stoppet.");

    private static string? Overrun()
    {
        if (startTimestamp == 0)
        {
            return null;
        }

        var limits = budget ?? EvaluationBudget.Default;
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        if (elapsed > limits.MaxTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Regelen brukte mer enn {Seconds(limits.MaxTime)} s og ble stoppet. Forenkle den: den går gjennom for mange kombinasjoner eller datoer.");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - startAllocated;
        return allocated > limits.MaxAllocatedBytes
            ? string.Create(CultureInfo.InvariantCulture, $"Regelen brukte mer enn {limits.MaxAllocatedBytes / (1024 * 1024)} MB minne og ble stoppet. Forenkle den: den bygger for store lister eller tekster.")
            : null;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', ',');
}
