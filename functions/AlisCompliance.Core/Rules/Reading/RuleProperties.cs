using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// A rule's free-form "Properties" object. The engine itself reads only effectiveFrom/effectiveTo;
/// every other entry belongs to the caller.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the workflow format's \"Properties\" field it holds.")]
public sealed class RuleProperties : IReadOnlyDictionary<string, JsonElement>
{
    private readonly Dictionary<string, JsonElement> values;

    public RuleProperties(IEnumerable<KeyValuePair<string, JsonElement>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal);
    }

    public static RuleProperties Empty { get; } = new([]);

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<JsonElement> Values => values.Values;

    public JsonElement this[string key] => values[key];

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => values.TryGetValue(key, out value);

    /// <summary>The string value of <paramref name="name"/>, or null when it is missing or JSON null.</summary>
    /// <exception cref="InvalidOperationException">The value is neither a string nor null.</exception>
    public string? GetString(string name)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidOperationException($"Property '{name}' is a JSON {value.ValueKind}, not a string.");
    }

    /// <summary>
    /// The strings of <paramref name="name"/>: an array of strings, a single string as a one-element list,
    /// or an empty list when missing or null.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value (or an array element) is not a string.</exception>
    public IReadOnlyList<string> GetStringList(string name)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"Property '{name}' is a JSON {value.ValueKind}, not an array of strings.");
        }

        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            result.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidOperationException($"Property '{name}' contains a JSON {item.ValueKind}, not only strings."));
        }

        return result;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
