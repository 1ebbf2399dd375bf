using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Turns the values a rule computed into plain JSON for the machine contract: ISO dates, numbers rounded to
/// two decimals, lists as arrays, fact records as objects of their properties.
/// </summary>
public static class EvidenceJson
{
    private const int MaxListItems = 50;
    private const int MaxDepth = 4;

    public static JsonNode? ToJson(object? value) => ToJson(value, 0);

    private static JsonNode? ToJson(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                // Texts from the facts are cut like the rules' own values, so no single value can fill the report.
                return JsonValue.Create(Rules.OutputLimits.Text(text));
            case bool flag:
                return JsonValue.Create(flag);
            case int or long or short or byte:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case double or float or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return double.IsFinite(number) ? JsonValue.Create(Math.Round(number, 2, MidpointRounding.AwayFromZero)) : JsonValue.Create(number.ToString(CultureInfo.InvariantCulture));
            case LocalDate date:
                return JsonValue.Create(LocalDatePattern.Iso.Format(date));
            case YearMonth month:
                return JsonValue.Create(YearMonthPattern.Iso.Format(month));
            case DateInterval interval:
                return new JsonObject
                {
                    ["from"] = LocalDatePattern.Iso.Format(interval.Start),
                    ["to"] = LocalDatePattern.Iso.Format(interval.End),
                };
            case Enum enumValue:
                return JsonValue.Create(enumValue.ToString());
            case IEnumerable items when depth < MaxDepth:
                var array = new JsonArray();
                foreach (var item in items.Cast<object?>().Take(MaxListItems))
                {
                    array.Add(ToJson(item, depth + 1));
                }

                return array;
            default:
                return depth < MaxDepth ? ObjectToJson(value, depth) : JsonValue.Create(value.ToString());
        }
    }

    private static JsonObject ObjectToJson(object value, int depth)
    {
        var result = new JsonObject();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && !string.Equals(property.Name, "EqualityContract", StringComparison.Ordinal))
            {
                result[JsonNamingPolicyCamel(property.Name)] = ToJson(property.GetValue(value), depth + 1);
            }
        }

        return result;
    }

    private static string JsonNamingPolicyCamel(string name) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
