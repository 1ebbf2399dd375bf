using System.Globalization;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// The evaluation budget per top-level rule and ALIS as a person sets it: milliseconds and megabytes, read from the
/// service's configuration (<see cref="Section"/>) or from `check`/`rules test` options. Values outside sensible
/// bounds are refused in Norwegian rather than silently clamped.
/// </summary>
public static class RuleBudgetSetting
{
    public const string Section = "AlisCompliance:RuleBudget";
    public const string TimeLimitKey = "TimeLimitMilliseconds";
    public const string AllocationLimitKey = "AllocationLimitMegabytes";

    /// <summary>Ten minutes: a rule that needs longer for one ALIS would stall the nightly sweep anyway.</summary>
    public const long MaxTimeLimitMilliseconds = 600_000;

    /// <summary>16 GB: more than any machine the service runs on; a higher limit would be no limit.</summary>
    public const long MaxAllocationLimitMegabytes = 16_384;

    private const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>
    /// The budget from the two texts; a missing one keeps <see cref="EvaluationBudget.Default"/>'s value.
    /// <paramref name="timeName"/> and <paramref name="allocationName"/> name the setting or option in the message.
    /// </summary>
    /// <returns>The budget, or null with <paramref name="problem"/> saying in Norwegian what is wrong.</returns>
    public static EvaluationBudget? Parse(string? timeLimit, string? allocationLimit, string timeName, string allocationName, out string? problem)
    {
        var defaults = EvaluationBudget.Default;
        var milliseconds = Whole(timeLimit, timeName, MaxTimeLimitMilliseconds, "millisekunder", out problem);
        if (problem is not null)
        {
            return null;
        }

        var megabytes = Whole(allocationLimit, allocationName, MaxAllocationLimitMegabytes, "MB", out problem);
        if (problem is not null)
        {
            return null;
        }

        return new EvaluationBudget(
            milliseconds is { } time ? TimeSpan.FromMilliseconds(time) : defaults.MaxTime,
            megabytes is { } memory ? memory * BytesPerMegabyte : defaults.MaxAllocatedBytes);
    }

    private static long? Whole(string? text, string name, long max, string unit, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value <= 0 || value > max)
        {
            problem = $"{name}: '{text}' er ingen gyldig grense. Skriv et helt antall {unit} fra 1 til {NorwegianFormat.WholeNumber(max)}.";
            return null;
        }

        return value;
    }
}
