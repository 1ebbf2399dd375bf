using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

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
            WriteObjectWithLists(writer, SingleJson(municipality), [
                ("leaders", Ordered(municipalityRows, RecordKeys.LeaderPrefix)),
                ("arenas", Ordered(municipalityRows, RecordKeys.ArenaPrefix)),
            ]);
            writer.WriteStartArray("veiledere");
            WriteRecords(writer, Ordered(municipalityRows, RecordKeys.VeilederPrefix));
            writer.WriteEndArray();
            writer.WriteStartArray("alis");
            foreach (var rows in alisBatches)
            {
                var alis = rows.FirstOrDefault(row => KindOf(row) == RecordKind.Alis)
                    ?? throw new InvalidOperationException("The batch has no ALIS row.");
                WriteObjectWithLists(writer, JsonParts.IsSplit(alis) ? JsonParts.Join(alis) : SingleJson(alis), [.. RecordKind.Lists.Select(kind => (kind.ListField!, Ordered(rows, kind)))]);
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
            writer.WriteStartArray(name);
            WriteRecords(writer, rows);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The records the rows hold, in order: each chunk's array elements, or a row's one record. Besides municipality rows,
    /// a row with one record is an ALIS row of the first layout (one row per record with the same Json and Index columns);
    /// those are still read so an ALIS stored before chunking loads until its next ingest rewrites it (the layout version
    /// is part of the content hash).
    /// </summary>
    private static void WriteRecords(Utf8JsonWriter writer, IEnumerable<TableEntity> rows)
    {
        foreach (var row in rows)
        {
            if (!JsonParts.IsSplit(row))
            {
                writer.WriteRawValue(SingleJson(row));
                continue;
            }

            using var chunk = JsonDocument.Parse(JsonParts.Join(row));
            var count = 0;
            foreach (var record in chunk.RootElement.EnumerateArray())
            {
                record.WriteTo(writer);
                count++;
            }

            if (count != row.GetInt32(RecordChunk.CountProperty))
            {
                throw new InvalidOperationException($"Row {row.RowKey} holds {count} records, not the {row.GetInt32(RecordChunk.CountProperty)} its {RecordChunk.CountProperty} says.");
            }
        }
    }

    private static IEnumerable<TableEntity> Ordered(IEnumerable<TableEntity> rows, string prefix) => rows
        .Where(row => row.RowKey.StartsWith(prefix + "|", StringComparison.Ordinal))
        .OrderBy(row => row.GetInt32(MunicipalityRows.IndexProperty) ?? int.MaxValue)
        .ThenBy(row => row.RowKey, StringComparer.Ordinal);

    private static IEnumerable<TableEntity> Ordered(IEnumerable<TableEntity> rows, RecordKind kind) => rows
        .Where(row => KindOf(row) == kind)
        .OrderBy(row => row.GetInt32(RecordChunk.ChunkProperty) ?? row.GetInt32(MunicipalityRows.IndexProperty) ?? int.MaxValue)
        .ThenBy(row => row.RowKey, StringComparer.Ordinal);

    private static RecordKind? KindOf(TableEntity row) => row.GetString(RecordChunk.KindProperty) is { } name ? RecordKind.FromName(name) : null;

    private static string SingleJson(TableEntity row) =>
        row.GetString(MunicipalityRows.JsonProperty) ?? throw new InvalidOperationException($"Row {row.RowKey} has no {MunicipalityRows.JsonProperty}.");
}
