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

    public static string Format(object? value) => Format(value, nested: false);

    private static string Format(object? value, bool nested) => value switch
    {
        null or string or bool or LocalDate or YearMonth or DateInterval or IFormattable => NorwegianFormat.Value(value),
        IEnumerable items => List(items),
        _ when !nested => Properties(value),
        _ => value.ToString() ?? string.Empty,
    };

    private static string List(IEnumerable items)
    {
        var all = items.Cast<object?>().Take(MaxItems + 1).ToList();
        var shown = all.Take(MaxItems).Select(item => Format(item, nested: true));
        return "[" + string.Join(", ", all.Count > MaxItems ? shown.Append("…") : shown) + "]";
    }

    private static string Properties(object value)
    {
        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            .Select(property => $"{property.Name} = {Format(property.GetValue(value), nested: true)}");
        return "{ " + string.Join(", ", properties) + " }";
    }
}
