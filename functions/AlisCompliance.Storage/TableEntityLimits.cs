using System.Globalization;
using Azure.Data.Tables;

namespace AlisCompliance.Storage;

/// <summary>
/// The service's size limits, checked before sending so an oversized entity fails with a clear
/// <see cref="ArgumentException"/> instead of a 400/413 from the service (the SDK does not check them).
/// </summary>
internal static class TableEntityLimits
{
    /// <summary>64 KiB of UTF-16: 32,768 characters.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>64 KiB.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>1 MiB, measured with the service's documented size estimate.</summary>
    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>Besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>Earliest Edm.DateTime the service stores.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Validates keys, property count, each value's size and the whole entity's size.</summary>
    public static void ValidateForWrite(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeyValidator.ValidateKeys(entity.PartitionKey, entity.RowKey);
        var count = 0;
        foreach (var (name, value) in TableEntityProperties.Custom(entity))
        {
            count++;
            switch (value)
            {
                case string text when text.Length > MaxStringLength:
                    throw Invalid(nameof(entity), $"String property '{name}' has {text.Length} characters; Azure Table strings may be at most 64 KiB ({MaxStringLength} UTF-16 characters).");
                case byte[] bytes when bytes.Length > MaxBinaryLength:
                    throw Invalid(nameof(entity), $"Binary property '{name}' has {bytes.Length} bytes; Azure Table binary values may be at most 64 KiB ({MaxBinaryLength} bytes).");
                case BinaryData binary when binary.ToMemory().Length > MaxBinaryLength:
                    throw Invalid(nameof(entity), $"Binary property '{name}' has {binary.ToMemory().Length} bytes; Azure Table binary values may be at most 64 KiB ({MaxBinaryLength} bytes).");
                case DateTimeOffset date when date < MinDateTime:
                    throw Invalid(nameof(entity), $"DateTime property '{name}' is before 1601-01-01T00:00:00Z, the earliest Azure Table storage accepts.");
            }
        }

        if (count > MaxCustomProperties)
        {
            throw Invalid(nameof(entity), $"The entity has {count} properties; Azure Table storage allows {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.");
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
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in TableEntityProperties.Custom(entity))
        {
            size += 8 + (2L * name.Length) + value switch
            {
                string text => (2L * text.Length) + 4,
                byte[] bytes => bytes.Length + 4L,
                BinaryData binary => binary.ToMemory().Length + 4L,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8, // long, double, DateTimeOffset
            };
        }

        return size;
    }

    /// <summary>
    /// An upper bound of the entity's JSON as the SDK sends it, without serialising it: its writer escapes every character
    /// outside printable ASCII and the HTML-sensitive ones (<c>" ' &lt; &gt; &amp; + `</c>) as six-byte <c>\uXXXX</c>,
    /// and it adds an <c>@odata.type</c> annotation to some values.
    /// </summary>
    public static long EstimateJsonBytes(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 64 + (6L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in TableEntityProperties.Custom(entity))
        {
            size += 48 + (2L * 6 * name.Length) + value switch
            {
                string text => EscapedLength(text),
                byte[] bytes => ((bytes.Length + 2) / 3 * 4) + 2,
                BinaryData binary => ((binary.ToMemory().Length + 2) / 3 * 4) + 2,
                _ => 40,
            };
        }

        return size;
    }

    private static long EscapedLength(string text)
    {
        long length = 2;
        foreach (var character in text)
        {
            length += character is >= ' ' and < '\u007F' and not ('"' or '\'' or '<' or '>' or '&' or '+' or '`' or '\\') ? 1 : 6;
        }

        return length;
    }

    private static ArgumentException Invalid(string parameterName, FormattableString message) =>
        new(message.ToString(CultureInfo.InvariantCulture), parameterName);
}
