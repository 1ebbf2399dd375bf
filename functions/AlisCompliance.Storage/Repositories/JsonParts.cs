using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// A JSON text longer than one string property allows, split over the properties <c>Json0</c>, <c>Json1</c>, … with
/// their number in <c>Parts</c>. A part holds at most <see cref="MaxPartLength"/> characters and never ends inside a
/// surrogate pair, so every part is valid UTF-16 on its own.
/// </summary>
internal static class JsonParts
{
    public const string PartsProperty = "Parts";
    public const string PartPrefix = "Json";

    /// <summary>Under the 32,768 UTF-16 characters of a string property, like the rule sets' <c>Files0…</c>.</summary>
    public const int MaxPartLength = 30_000;

    /// <summary>
    /// Five parts keep a row under 1 MiB however it is measured: the service's size formula counts two bytes a character
    /// (300 KB), and Azurite measures the entity's JSON as sent, where a character may take six bytes as a
    /// <c>\uXXXX</c> escape (900 KB). A transaction (4 MiB) therefore always holds at least one row.
    /// </summary>
    public const int MaxParts = 5;

    /// <summary>
    /// The longest text that is split. Every part but the last holds at least <see cref="MaxPartLength"/> − 1
    /// characters (one less when a surrogate pair would be cut), so this many always fit in <see cref="MaxParts"/>.
    /// </summary>
    public const int MaxLength = MaxParts * (MaxPartLength - 1);

    /// <summary>The <c>Parts</c> count and the <c>Json{n}</c> properties; throws for a text over <see cref="MaxLength"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Split(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new ArgumentException($"The JSON has {json.Length} characters; a row holds at most {MaxLength}.", nameof(json));
        }

        var parts = new List<KeyValuePair<string, object>>(MaxParts + 1);
        for (var start = 0; start < json.Length;)
        {
            var length = Math.Min(MaxPartLength, json.Length - start);
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            parts.Add(new(PartName(parts.Count), json.Substring(start, length)));
            start += length;
        }

        parts.Insert(0, new(PartsProperty, parts.Count));
        return parts;
    }

    /// <summary>The text put back together; throws when a part is missing.</summary>
    public static string Join(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var count = row.GetInt32(PartsProperty) ?? throw new InvalidOperationException($"Row {row.RowKey} has no {PartsProperty}.");
        return string.Concat(Enumerable.Range(0, count).Select(part =>
            row.GetString(PartName(part)) ?? throw new InvalidOperationException($"Row {row.RowKey} has no {PartName(part)} of its {count} parts.")));
    }

    /// <summary>True for a row written by <see cref="Split"/>.</summary>
    public static bool IsSplit(TableEntity row) => row.ContainsKey(PartsProperty);

    private static string PartName(int part) => PartPrefix + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
