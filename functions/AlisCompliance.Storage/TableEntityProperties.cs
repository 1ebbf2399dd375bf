using Azure.Data.Tables;

namespace AlisCompliance.Storage;

/// <summary>
/// The SDK's <see cref="TableEntity"/> is a dictionary that also holds the keys, the timestamp and the ETag; these are
/// the entity's own properties without them.
/// </summary>
internal static class TableEntityProperties
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    public static IEnumerable<KeyValuePair<string, object>> Custom(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Where(pair => !SystemProperties.Contains(pair.Key));
    }

    /// <summary>An entity with the keys and the properties.</summary>
    public static TableEntity Create(string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, object>> properties)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    /// <summary>A new entity with the same keys and custom properties, to write back an entity that was read.</summary>
    public static TableEntity Copy(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Create(entity.PartitionKey, entity.RowKey, Custom(entity));
    }

    /// <summary>True when both hold the same custom properties with equal values (keys, ETags and timestamps aside).</summary>
    public static bool Same(TableEntity left, TableEntity right)
    {
        var leftProperties = Custom(left).ToList();
        return leftProperties.Count == Custom(right).Count()
            && leftProperties.TrueForAll(pair => right.TryGetValue(pair.Key, out var value) && Equals(pair.Value, value));
    }
}
