using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>current</c> row of an ALIS partition: the batch in force, its content hash and row count, whether its
/// <c>alis-changed</c> message was sent, and its ETag.
/// </summary>
internal sealed record CurrentPointer(string Batch, string ContentHash, int Rows, bool Queued, ETag ETag, TableEntity Entity)
{
    public const string BatchProperty = "Batch";
    public const string ContentHashProperty = "ContentHash";
    public const string RowsProperty = "Rows";
    public const string WrittenAtProperty = "WrittenAt";

    /// <summary>
    /// False from the flip until the batch's <c>alis-changed</c> message is sent: an ingest that stopped in between is
    /// finished by sending the same records again (they are unchanged, but not yet queued). Missing means queued.
    /// </summary>
    public const string QueuedProperty = "Queued";

    public static CurrentPointer? From(TableEntity? entity) =>
        entity?.GetString(BatchProperty) is { } batch
            ? new CurrentPointer(
                batch, entity.GetString(ContentHashProperty) ?? string.Empty, entity.GetInt32(RowsProperty) ?? -1, entity.GetBoolean(QueuedProperty) ?? true, entity.ETag, entity)
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
            [QueuedProperty] = false,
        };

    /// <summary>The merge that records the batch's message as sent.</summary>
    public static TableEntity MarkQueued(string partitionKey) => new(partitionKey, RecordKeys.Current) { [QueuedProperty] = true };
}
