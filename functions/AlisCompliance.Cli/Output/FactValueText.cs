using System.Collections;
using System.Reflection;
using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Cli.Output;

/// <summary>
/// A value a rule read or computed, in Norwegian for `rules explain`: numbers and dates as everywhere else, lists in
/// brackets, and a facts record (a training year, a session) as its properties instead of C#'s record text.
/// </summary>
internal static class FactValueText
{
    private const int MaxItems = 10;

    // A list of records shows each record's properties; what those hold is shown as plain text.
    private const int MaxDepth = 2;

    public static string Format(object? value) => Format(value, depth: 0);

    private static string Format(object? value, int depth) => value switch
    {
        null or string or bool or LocalDate or YearMonth or DateInterval or IFormattable => NorwegianFormat.Value(value),
        IEnumerable when depth >= MaxDepth => "[…]",
        _ when depth >= MaxDepth => value.ToString() ?? string.Empty,
        IEnumerable items => List(items, depth),
        _ => Properties(value, depth),
    };

    private static string List(IEnumerable items, int depth)
    {
        var all = items.Cast<object?>().Take(MaxItems + 1).ToList();
        var shown = all.Take(MaxItems).Select(item => Format(item, depth + 1));
        return "[" + string.Join(", ", all.Count > MaxItems ? shown.Append("…") : shown) + "]";
    }

    private static string Properties(object value, int depth)
    {
        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            .Select(property => $"{property.Name} = {Format(property.GetValue(value), MaxDepth)}");
        return "{ " + string.Join(", ", properties) + " }";
    }
}
