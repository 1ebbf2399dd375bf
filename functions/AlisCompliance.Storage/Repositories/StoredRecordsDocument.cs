using System.Buffers;
using System.Text;
using System.Text.Json;
using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Puts stored rows back together as one records document (municipality, veiledere, ALIS), which then goes through
/// <c>RecordsReader</c> like any file: the stored JSON is never trusted more than an upload.
/// </summary>
internal static class StoredRecordsDocument
{
    public static string Build(IReadOnlyList<TableEntity> municipalityRows, IReadOnlyList<IReadOnlyList<TableEntity>> alisBatches)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("municipality");
            var municipality = municipalityRows.FirstOrDefault(row => string.Equals(row.RowKey, RecordKeys.Municipality, StringComparison.Ordinal))
                ?? throw new InvalidOperationException("The municipality partition has no municipality row.");
            WriteObjectWithLists(writer, Json(municipality), [
                ("leaders", Ordered(municipalityRows, RecordKeys.LeaderPrefix)),
                ("arenas", Ordered(municipalityRows, RecordKeys.ArenaPrefix)),
            ]);
            WriteArray(writer, "veiledere", Ordered(municipalityRows, RecordKeys.VeilederPrefix));
            writer.WriteStartArray("alis");
            foreach (var rows in alisBatches)
            {
                var alis = rows.FirstOrDefault(row => KindOf(row) == RecordKind.Alis)
                    ?? throw new InvalidOperationException("The batch has no ALIS row.");
                WriteObjectWithLists(writer, Json(alis), [.. RecordKind.Lists.Select(kind => (kind.ListField!, Ordered(rows, kind)))]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteObjectWithLists(Utf8JsonWriter writer, string objectJson, IReadOnlyList<(string Name, IEnumerable<TableEntity> Rows)> lists)
    {
        using var document = JsonDocument.Parse(objectJson);
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        foreach (var (name, rows) in lists)
        {
            WriteArray(writer, name, rows);
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<TableEntity> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteRawValue(Json(row));
        }

        writer.WriteEndArray();
    }

    private static IEnumerable<TableEntity> Ordered(IEnumerable<TableEntity> rows, string prefix) => rows
        .Where(row => row.RowKey.StartsWith(prefix + "|", StringComparison.Ordinal))
        .OrderBy(row => row.GetInt32(RecordRow.IndexProperty) ?? int.MaxValue)
        .ThenBy(row => row.RowKey, StringComparer.Ordinal);

    private static IEnumerable<TableEntity> Ordered(IEnumerable<TableEntity> rows, RecordKind kind) => rows
        .Where(row => KindOf(row) == kind)
        .OrderBy(row => row.GetInt32(RecordRow.IndexProperty) ?? int.MaxValue)
        .ThenBy(row => row.RowKey, StringComparer.Ordinal);

    private static RecordKind? KindOf(TableEntity row) => row.GetString(RecordRow.KindProperty) is { } name ? RecordKind.FromName(name) : null;

    private static string Json(TableEntity row) =>
        row.GetString(RecordRow.JsonProperty) ?? throw new InvalidOperationException($"Row {row.RowKey} has no {RecordRow.JsonProperty}.");
}
