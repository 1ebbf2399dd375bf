using System.Text;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Packs a list's records into as few rows as fit: records are added in list order to a chunk until its JSON array
/// would exceed <see cref="JsonParts.MaxLength"/> characters, then the next chunk starts.
/// </summary>
public static class RecordChunks
{
    /// <summary>The longest record JSON that is stored: alone in a chunk, with the array's two brackets.</summary>
    public const int MaxRecordLength = JsonParts.MaxLength - 2;

    /// <summary>The longest JSON of an ALIS's own fields (its one row).</summary>
    public const int MaxAlisLength = JsonParts.MaxLength;

    /// <summary>The chunks of one kind's records (none for an empty list); throws for a record over <see cref="MaxRecordLength"/>.</summary>
    public static IReadOnlyList<RecordChunk> Create(RecordKind kind, IEnumerable<ListRecord> records)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(records);
        var chunks = new List<RecordChunk>();
        var json = new StringBuilder();
        var count = 0;
        foreach (var record in records)
        {
            if (record.Json.Length > MaxRecordLength)
            {
                throw new ArgumentException(
                    $"Record {record.Id} ({kind.Name} {record.Index}) has {record.Json.Length} characters of JSON; a row holds records of at most {MaxRecordLength}.",
                    nameof(records));
            }

            // The chunk so far is '[' and its records with commas; adding this one costs a comma, the JSON and the closing ']'.
            if (count > 0 && json.Length + 1 + record.Json.Length + 1 > JsonParts.MaxLength)
            {
                chunks.Add(new RecordChunk(kind, chunks.Count, count, json.Append(']').ToString()));
                json.Clear();
                count = 0;
            }

            json.Append(count == 0 ? '[' : ',').Append(record.Json);
            count++;
        }

        if (count > 0)
        {
            chunks.Add(new RecordChunk(kind, chunks.Count, count, json.Append(']').ToString()));
        }

        return chunks;
    }
}
