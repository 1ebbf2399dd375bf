using Azure.Data.Tables;

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
        var entity = new TableEntity(partitionKey, RecordKeys.ChunkRow(batchId, Kind, Chunk))
        {
            [KindProperty] = Kind.Name,
            [ChunkProperty] = Chunk,
            [CountProperty] = Count,
        };
        foreach (var (name, value) in JsonParts.Split(Json))
        {
            entity[name] = value;
        }

        return entity;
    }
}
