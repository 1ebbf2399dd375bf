using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// Writes and reads entities in the Table service's JSON (OData v3 "JSON light"), with <c>Prop@odata.type</c>
/// annotations for the types plain JSON cannot show: Int64 (as a string), DateTime, Guid, Binary, and a Double whose
/// value looks integral or is not finite.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeAnnotationSuffix = "@odata.type";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static TableEntity Deserialize(JsonElement json)
    {
        string? partitionKey = null;
        string? rowKey = null;
        DateTimeOffset? timestamp = null;
        var etag = default(ETag);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new List<(string Name, JsonElement Value)>();

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeAnnotationSuffix, StringComparison.Ordinal))
            {
                types[name[..^TypeAnnotationSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
            else if (string.Equals(name, "odata.etag", StringComparison.Ordinal))
            {
                etag = new ETag(property.Value.GetString() ?? string.Empty);
            }
            else if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                // odata.metadata, odata.type, odata.id, odata.editLink: not part of the entity.
            }
            else if (string.Equals(name, "PartitionKey", StringComparison.Ordinal))
            {
                partitionKey = property.Value.GetString();
            }
            else if (string.Equals(name, "RowKey", StringComparison.Ordinal))
            {
                rowKey = property.Value.GetString();
            }
            else if (string.Equals(name, "Timestamp", StringComparison.Ordinal))
            {
                timestamp = ParseDateTime(property.Value.GetString());
            }
            else
            {
                values.Add((name, property.Value));
            }
        }

        var properties = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            properties[name] = ReadValue(name, value, types.GetValueOrDefault(name));
        }

        if (partitionKey is null || rowKey is null)
        {
            throw new InvalidOperationException("The Table service returned an entity without PartitionKey or RowKey.");
        }

        return TableEntity.FromService(partitionKey, rowKey, etag, timestamp, properties.ToImmutable());
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int small:
                writer.WriteNumber(name, small);
                break;
            case long large:
                writer.WriteString(name + TypeAnnotationSuffix, EdmType.Int64);
                writer.WriteString(name, large.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                WriteDouble(writer, name, number);
                break;
            case DateTimeOffset date:
                writer.WriteString(name + TypeAnnotationSuffix, EdmType.DateTime);
                writer.WriteString(name, date.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                writer.WriteString(name + TypeAnnotationSuffix, EdmType.Guid);
                writer.WriteString(name, guid.ToString("D"));
                break;
            case BinaryData binary:
                writer.WriteString(name + TypeAnnotationSuffix, EdmType.Binary);
                writer.WriteBase64String(name, binary.ToMemory().Span);
                break;
            default:
                throw new InvalidOperationException($"Table property '{name}' has unsupported type {value.GetType().Name}.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double number)
    {
        if (double.IsFinite(number) && !IsIntegral(number))
        {
            // A JSON number with a fraction is unambiguously a double; no annotation needed.
            writer.WriteNumber(name, number);
            return;
        }

        writer.WriteString(name + TypeAnnotationSuffix, EdmType.Double);
        if (double.IsNaN(number))
        {
            writer.WriteString(name, "NaN");
        }
        else if (double.IsPositiveInfinity(number))
        {
            writer.WriteString(name, "Infinity");
        }
        else if (double.IsNegativeInfinity(number))
        {
            writer.WriteString(name, "-Infinity");
        }
        else
        {
            writer.WriteNumber(name, number);
        }
    }

    private static bool IsIntegral(double number) => Math.Floor(number) == number;

    private static object ReadValue(string name, JsonElement value, string? edmType)
    {
        try
        {
            return edmType switch
            {
                EdmType.Int64 => value.ValueKind == JsonValueKind.Number
                    ? value.GetInt64()
                    : long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                EdmType.DateTime => ParseDateTime(value.GetString())!.Value,
                EdmType.Guid => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                EdmType.Binary => new BinaryData(value.GetBytesFromBase64()),
                EdmType.Double => ReadDouble(value),
                EdmType.Int32 => value.GetInt32(),
                EdmType.Boolean => value.GetBoolean(),
                EdmType.String => value.GetString()!,
                _ => ReadUnannotated(value),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentNullException)
        {
            throw new InvalidOperationException($"Table property '{name}' has a value that is not a valid {edmType ?? "JSON value"}.", ex);
        }
    }

    private static object ReadUnannotated(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when IsIntegerLiteral(value) && value.TryGetInt32(out var small) => small,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetRawText(),
    };

    private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static double ReadDouble(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" or "INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset? ParseDateTime(string? text) =>
        text is null
            ? null
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
