using System.Collections;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Formats values for Norwegian readers without relying on the machine's culture data:
/// 31,5 for numbers, 31.12.2026 for dates, "mars 2026" for months.
/// </summary>
public static class NorwegianFormat
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("dd'.'MM'.'uuuu");

    private static readonly string[] MonthNames =
    [
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ];

    public static string Date(LocalDate date) => DatePattern.Format(date);

    public static string Month(YearMonth month) =>
        string.Create(CultureInfo.InvariantCulture, $"{MonthNames[month.Month - 1]} {month.Year}");

    /// <summary>At most two decimals, decimal comma, no trailing zeros: 41,9 · 42 · 1,75.</summary>
    public static string Number(double value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string Value(object? value) => value switch
    {
        null => "–",
        string text => text,
        bool flag => flag ? "ja" : "nei",
        LocalDate date => Date(date),
        YearMonth month => Month(month),
        DateInterval interval => $"{Date(interval.Start)}–{Date(interval.End)}",
        double number => Number(number),
        float number => Number(number),
        decimal number => Number((double)number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Value)),
        _ => value.ToString() ?? string.Empty,
    };
}
