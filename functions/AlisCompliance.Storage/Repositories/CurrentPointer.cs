using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The <c>current</c> row of an ALIS partition: the batch in force, its content hash and row count, and its ETag.</summary>
internal sealed record CurrentPointer(string Batch, string ContentHash, int Rows, ETag ETag, TableEntity Entity)
{
    public const string BatchProperty = "Batch";
    public const string ContentHashProperty = "ContentHash";
    public const string RowsProperty = "Rows";
    public const string WrittenAtProperty = "WrittenAt";

    public static CurrentPointer? From(TableEntity? entity) =>
        entity?.GetString(BatchProperty) is { } batch
            ? new CurrentPointer(batch, entity.GetString(ContentHashProperty) ?? string.Empty, entity.GetInt32(RowsProperty) ?? -1, entity.ETag, entity)
            : null;

    public static TableEntity Create(AlisRows rows, string batchId, DateTimeOffset writtenAt) =>
        new(rows.PartitionKey, RecordKeys.Current)
        {
            [BatchProperty] = batchId,
            [ContentHashProperty] = rows.ContentHash,
            [RowsProperty] = rows.Rows.Count,
            [MunicipalityRows.AlisIdProperty] = rows.AlisId,
            ["MunicipalityId"] = rows.MunicipalityId,
            [WrittenAtProperty] = writtenAt,
        };
}
