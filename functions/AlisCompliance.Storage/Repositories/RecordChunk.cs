using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// One row of an ALIS batch: the ALIS's own fields (kind <c>alis</c>, <see cref="Json"/> an object), or chunk number
/// <see cref="Chunk"/> of one of its lists (<see cref="Json"/> an array of <see cref="Count"/> records in list order,
/// each in the records format). The JSON is split over <c>Json0…</c> (<see cref="JsonParts"/>).
/// </summary>
public sealed record RecordChunk(RecordKind Kind, int Chunk, int Count, string Json)
{
    public const string KindProperty = "Kind";
    public const string ChunkProperty = "Chunk";
    public const string CountProperty = "Count";

    public TableEntity ToEntity(string partitionKey, string batchId)
    {
        var properties = new List<KeyValuePair<string, object>>(JsonParts.MaxParts + 4)
        {
            new(KindProperty, Kind.Name),
            new(ChunkProperty, Chunk),
            new(CountProperty, Count),
        };
        properties.AddRange(JsonParts.Split(Json));
        return new TableEntity(partitionKey, RecordKeys.ChunkRow(batchId, Kind, Chunk), properties);
    }
}
