using System.Globalization;
using System.Text.RegularExpressions;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Hints for the ways Norwegians naturally write numbers and dates, which JSON and C# do not accept:
/// a decimal comma (42,0) and day-first dates (31.12.2027).
/// </summary>
internal static partial class InputHints
{
    /// <summary>The hint for a date string that did not parse as an ISO date.</summary>
    public static string DateHint(string text) =>
        NorwegianDate().Match(text) is { Success: true } match
            ? $"Datoer skrives år-måned-dag med bindestrek: \"{IsoFrom(match)}\"."
            : "Datoer skrives år-måned-dag med bindestrek, f.eks. \"2027-12-31\".";

    /// <summary>A hint for an expression that did not compile, or null when it looks like neither mistake.</summary>
    public static string? ExpressionHint(string expression)
    {
        if (NorwegianDate().Match(expression) is { Success: true } date)
        {
            return $"Datoer skrives Dates.Parse(\"{IsoFrom(date)}\") (år-måned-dag).";
        }

        return DecimalComma().Match(expression) is { Success: true } number
            ? $"Desimaltall skrives med punktum, ikke komma: {number.Groups["whole"].Value}.{number.Groups["fraction"].Value}."
            : null;
    }

    public static string WithHint(string message, string? hint) => hint is null ? message : $"{message} {hint}";

    private static string IsoFrom(Match match) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{match.Groups["year"].Value}-{int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture):00}-{int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture):00}");

    [GeneratedRegex(@"(?<![\d.])(?<day>\d{1,2})[./](?<month>\d{1,2})[./](?<year>\d{4})(?![\d.])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NorwegianDate();

    // A number with a comma where an operand stands: alone, or after an operator, never inside an argument list.
    [GeneratedRegex(@"(?:^|[<>=!+\-*/?:&|]\s*)(?<whole>\d+),(?<fraction>\d+)\s*(?:$|[<>=!+\-*/?:&|)])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DecimalComma();
}
