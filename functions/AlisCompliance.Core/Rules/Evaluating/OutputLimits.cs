using System.Collections;
using NodaTime;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Caps what a rule puts into evidence and message text, so one rule cannot fill a report:
/// texts are cut at <see cref="MaxTextLength"/> characters and sequences at <see cref="MaxItems"/> items, each marked with "…".
/// </summary>
internal static class OutputLimits
{
    public const int MaxTextLength = 4000;

    public const int MaxItems = 200;

    public const string Ellipsis = "…";

    public static string Text(string text) =>
        text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - Ellipsis.Length), Ellipsis);

    /// <summary>True for sequences that are shown item by item (not strings, not a DateInterval, which has its own form).</summary>
    public static bool IsItemSequence(object? value) => value is IEnumerable and not string and not DateInterval;

    /// <summary>The first <see cref="MaxItems"/> items, followed by "…" when there were more; probes the budget as it goes.</summary>
    public static object?[] Items(IEnumerable sequence)
    {
        var items = new List<object?>();
        foreach (var item in sequence)
        {
            if (items.Count == MaxItems)
            {
                items.Add(Ellipsis);
                break;
            }

            items.Add(item is string text ? Text(text) : item);
            RuleBudget.Check();
        }

        return [.. items];
    }
}
