using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Records.Reading;

/// <summary>
/// Reads the fields of one JSON object, reporting every missing, mistyped or unknown field to the collector
/// instead of stopping at the first, so a user sees all problems of a file at once.
/// </summary>
internal sealed class JsonObjectReader
{
    private const string InvalidText = "ugyldig tekst (en \\u-kode som ikke er et helt tegn)";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private readonly JsonElement _element;
    private readonly ErrorCollector _errors;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal) { "$schema", "$comment" };

    public JsonObjectReader(JsonElement element, string path, ErrorCollector errors, string? recordId = null)
    {
        _element = element;
        Path = path;
        _errors = errors;
        RecordId = recordId;
    }

    public string Path { get; }

    public string? RecordId { get; private set; }

    public static JsonObjectReader? Create(JsonElement element, string path, ErrorCollector errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonObjectReader(element, path, errors);
        }

        errors.Add(path, null, $"må være et JSON-objekt, ikke {Describe(element)}");
        return null;
    }

    /// <summary>Reads the record's own id and uses it to label every later error of this object.</summary>
    public string? Id()
    {
        RecordId = String("id", required: true);
        return RecordId;
    }

    public string? String(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, $"må være tekst, ikke {Describe(value)}");
            return null;
        }

        if (!TryGetText(value, out var text))
        {
            Error(name, InvalidText);
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Error(name, "kan ikke være tom");
            return null;
        }

        return text;
    }

    public LocalDate? Date(string name, bool required)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        // The ISO pattern alone would also take a signed year such as "-0001-01-01".
        var parsed = LooksLikeIsoDate(text) ? IsoDate.Parse(text) : null;
        if (parsed is { Success: true })
        {
            return parsed.Value;
        }

        Error(name, LooksLikeIsoDate(text)
            ? $"'{text}' er ingen gyldig dato"
            : $"'{text}' må være en dato på formen ÅÅÅÅ-MM-DD");
        return null;
    }

    public int? Int(string name, bool required, int min, int max)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error(name, $"må være et heltall, ikke {Describe(value)}");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, number < 0 && min >= 0
                ? $"kan ikke være negativ ({number})"
                : $"må være mellom {min} og {max}, ikke {number}");
            return null;
        }

        return number;
    }

    public decimal? Decimal(string name, bool required, decimal min, decimal max)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Error(name, $"må være et tall, ikke {Describe(value)}");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, number < 0 && min >= 0
                ? $"kan ikke være negativ ({number.ToString(CultureInfo.InvariantCulture)})"
                : $"må være mellom {min.ToString(CultureInfo.InvariantCulture)} og {max.ToString(CultureInfo.InvariantCulture)}, ikke {number.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return number;
    }

    public bool? Bool(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(name, $"må være true eller false, ikke {Describe(value)}");
        return null;
    }

    public TEnum? Enum<TEnum>(string name, bool required, IReadOnlyDictionary<string, TEnum> values)
        where TEnum : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var parsed))
        {
            return parsed;
        }

        Error(name, $"'{text}' er ingen gyldig verdi; bruk {string.Join(", ", values.Keys.Select(key => $"'{key}'"))}");
        return null;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"må være en liste med tekst, ikke {Describe(value)}");
            return [];
        }

        var result = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !TryGetText(item, out _))
            {
                Error($"{name}[{index}]", InvalidText);
            }
            else if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                result.Add(item.GetString()!);
            }
            else
            {
                Error($"{name}[{index}]", "må være en ikke-tom tekst");
            }

            index++;
        }

        return result;
    }

    /// <summary>Reads an optional list of objects; each item is handed to <paramref name="read"/> with its own reader.</summary>
    public IReadOnlyList<T> Objects<T>(string name, Func<JsonObjectReader, T?> read)
        where T : class
    {
        if (!TryGet(name, required: false, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"må være en liste, ikke {Describe(value)}");
            return [];
        }

        var result = new List<T>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var reader = Create(item, $"{FieldPath(name)}[{index}]", _errors);
            if (reader is not null)
            {
                var read1 = read(reader);
                reader.RejectUnknownAndDuplicateFields();
                if (read1 is not null)
                {
                    result.Add(read1);
                }
            }

            index++;
        }

        return result;
    }

    public T? Object<T>(string name, bool required, Func<JsonObjectReader, T?> read)
        where T : class
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        var reader = Create(value, FieldPath(name), _errors);
        if (reader is null)
        {
            return null;
        }

        var result = read(reader);
        reader.RejectUnknownAndDuplicateFields();
        return result;
    }

    public void Error(string field, string message) => _errors.Add(FieldPath(field), RecordId, message);

    /// <summary>
    /// Reports fields no read asked for, and fields given twice: the parser would silently keep one of the two values.
    /// </summary>
    public void RejectUnknownAndDuplicateFields()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in _element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                _errors.Add(Path, RecordId, "har et feltnavn med " + InvalidText);
                continue;
            }

            if (!seen.Add(name))
            {
                Error(name, "står mer enn én gang i samme objekt");
            }
            else if (!_known.Contains(name))
            {
                Error(name, "er ikke et kjent felt (skrivefeil?)");
            }
        }
    }

    private string FieldPath(string field) => Path.Length == 0 ? field : $"{Path}.{field}";

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _known.Add(name);
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(name, "mangler");
        }

        return false;
    }

    /// <summary>A string with an escaped lone surrogate ("\uD800") is valid JSON but no text; reading it throws.</summary>
    private static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool LooksLikeIsoDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Where(char.IsAsciiDigit).Count() == 8;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "tekst",
        JsonValueKind.Number => $"tallet {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "sann/usann",
        JsonValueKind.Array => "en liste",
        JsonValueKind.Object => "et objekt",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };
}
