using System.Globalization;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// The service's size limits, checked before sending so an oversized entity fails with a clear
/// <see cref="ArgumentException"/> instead of a 400/413 from the service.
/// </summary>
internal static class TableEntityLimits
{
    /// <summary>64 KiB of UTF-16: 32,768 characters.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>64 KiB.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>1 MiB, measured with the service's documented size estimate.</summary>
    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>Earliest Edm.DateTime the service stores.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Validates keys, property count, each value's size and the whole entity's size.</summary>
    public static void ValidateForWrite(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeyValidator.ValidateKeys(entity.PartitionKey, entity.RowKey);
        if (entity.Properties.Count > TableEntity.MaxCustomProperties)
        {
            throw Invalid(nameof(entity), $"The entity has {entity.Properties.Count} properties; Azure Table storage allows {TableEntity.MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.");
        }

        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string text when text.Length > MaxStringLength:
                    throw Invalid(nameof(entity), $"String property '{name}' has {text.Length} characters; Azure Table strings may be at most 64 KiB ({MaxStringLength} UTF-16 characters).");
                case BinaryData binary when binary.ToMemory().Length > MaxBinaryLength:
                    throw Invalid(nameof(entity), $"Binary property '{name}' has {binary.ToMemory().Length} bytes; Azure Table binary values may be at most 64 KiB ({MaxBinaryLength} bytes).");
                case DateTimeOffset date when date < MinDateTime:
                    throw Invalid(nameof(entity), $"DateTime property '{name}' is before 1601-01-01T00:00:00Z, the earliest Azure Table storage accepts.");
            }
        }

        var size = EstimateSize(entity);
        if (size > MaxEntitySize)
        {
            throw Invalid(nameof(entity), $"The entity is about {size} bytes; an Azure Table entity may be at most 1 MiB ({MaxEntitySize} bytes).");
        }
    }

    /// <summary>
    /// The service's documented estimate: 4 + 2·(len(PK) + len(RK)) + Σ(8 + 2·len(name) + size of value).
    /// </summary>
    public static long EstimateSize(TableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity.Properties)
        {
            size += 8 + (2L * name.Length) + value switch
            {
                string text => (2L * text.Length) + 4,
                BinaryData binary => binary.ToMemory().Length + 4L,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8, // long, double, DateTimeOffset
            };
        }

        return size;
    }

    private static ArgumentException Invalid(string parameterName, FormattableString message) =>
        new(message.ToString(CultureInfo.InvariantCulture), parameterName);
}
