using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>
/// Dates in a rule test written relative to a fixed-date GlobalParam, e.g. <c>"transitionDeadline - 38 days"</c>,
/// <c>"transitionDeadline"</c> or <c>"conversionDeadline + 1 day"</c> (days, months or years). When the ALIS-kontor
/// moves the deadline in the workflow, the examples move with it, and the tests keep testing the same thing.
/// </summary>
public static partial class RelativeDates
{
    /// <summary>The date the text names: an ISO date, or a named date with an optional offset; null if neither.</summary>
    public static LocalDate? Resolve(string text, IReadOnlyDictionary<string, LocalDate> namedDates)
    {
        var iso = LocalDatePattern.Iso.Parse(text);
        if (iso.Success)
        {
            return iso.Value;
        }

        var match = Relative().Match(text);
        if (!match.Success || !namedDates.TryGetValue(match.Groups["name"].Value, out var date))
        {
            return null;
        }

        if (!match.Groups["amount"].Success)
        {
            return date;
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        if (string.Equals(match.Groups["sign"].Value, "-", StringComparison.Ordinal))
        {
            amount = -amount;
        }

        return match.Groups["unit"].Value switch
        {
            var unit when unit.StartsWith("day", StringComparison.Ordinal) => date.PlusDays(amount),
            var unit when unit.StartsWith("month", StringComparison.Ordinal) => date.PlusMonths(amount),
            _ => date.PlusYears(amount),
        };
    }

    /// <summary>Replaces, in place, every string in the JSON that names a date relative to a named date by the ISO date.</summary>
    public static void ResolveIn(JsonNode? node, IReadOnlyDictionary<string, LocalDate> namedDates)
    {
        if (namedDates.Count == 0)
        {
            return;
        }

        switch (node)
        {
            case JsonObject json:
                foreach (var (field, value) in json.ToList())
                {
                    if (IsRelative(value, namedDates, out var date))
                    {
                        json[field] = LocalDatePattern.Iso.Format(date);
                    }
                    else
                    {
                        ResolveIn(value, namedDates);
                    }
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    if (IsRelative(array[index], namedDates, out var date))
                    {
                        array[index] = LocalDatePattern.Iso.Format(date);
                    }
                    else
                    {
                        ResolveIn(array[index], namedDates);
                    }
                }

                break;
        }
    }

    private static bool IsRelative(JsonNode? node, IReadOnlyDictionary<string, LocalDate> namedDates, out LocalDate date)
    {
        date = default;
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !Relative().IsMatch(text))
        {
            return false;
        }

        var resolved = Resolve(text, namedDates);
        date = resolved.GetValueOrDefault();
        return resolved is not null;
    }

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:(?<sign>[+-])\s*(?<amount>\d{1,5})\s*(?<unit>days?|months?|years?)\s*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Relative();
}
