using System.Collections;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Formats values for Norwegian readers without relying on the machine's culture data:
/// 31,5 for numbers, 13 475 for big ones, 31.12.2026 for dates, "mars 2026" for months.
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

    /// <summary>Between groups of thousands: a no-break space, so a number is never split over two lines.</summary>
    public const char ThousandsSeparator = '\u00A0';

    /// <summary>
    /// Whole numbers, grouped in thousands from five digits up: 365 · 2026 · 13 475 · 1 250 000. Four digits stay whole
    /// as Språkrådet allows, so years and four-digit numbers read as usual.
    /// </summary>
    public static string WholeNumber(long value) => Grouped(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>At most two decimals, decimal comma, no trailing zeros, thousands as in <see cref="WholeNumber"/>: 41,9 · 42 · 1,75 · 13 475,5.</summary>
    public static string Number(double value)
    {
        var text = Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? Grouped(text) : Grouped(text[..point]) + "," + text[(point + 1)..];
    }

    /// <summary>Sizes in megabytes of 1 000 000 bytes, one decimal: 10 MB · 12,4 MB.</summary>
    public static string Megabytes(long bytes) => Number(Math.Round(bytes / 1_000_000d, 1)) + " MB";

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
        int number => WholeNumber(number),
        long number => WholeNumber(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Value)),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Grouped(string digits)
    {
        var sign = digits.StartsWith('-') ? "-" : string.Empty;
        var whole = digits[sign.Length..];
        if (whole.Length < 5)
        {
            return digits;
        }

        var grouped = new System.Text.StringBuilder(sign, digits.Length + (whole.Length / 3));
        for (var index = 0; index < whole.Length; index++)
        {
            if (index > 0 && (whole.Length - index) % 3 == 0)
            {
                grouped.Append(ThousandsSeparator);
            }

            grouped.Append(whole[index]);
        }

        return grouped.ToString();
    }
}
