using System.Collections.Immutable;
using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// One Azure Table entity: its keys, its ETag and Timestamp (set by the service), and a bag of typed properties.
/// Immutable: <see cref="With"/> and <see cref="Without"/> return changed copies.
/// </summary>
/// <remarks>
/// Property values are <see cref="string"/> (Edm.String), <see cref="bool"/> (Edm.Boolean), <see cref="int"/> (Edm.Int32),
/// <see cref="long"/> (Edm.Int64), <see cref="double"/> (Edm.Double), <see cref="DateTimeOffset"/> (Edm.DateTime, stored in
/// UTC with 100 ns precision), <see cref="Guid"/> (Edm.Guid) and <see cref="BinaryData"/> (Edm.Binary; <c>byte[]</c> and
/// <c>ReadOnlyMemory&lt;byte&gt;</c> are copied into one). A <see cref="DateTime"/> must be UTC. There is no null: leave a property out.
/// Equality compares keys, ETag, Timestamp and every property value.
/// </remarks>
public sealed record TableEntity
{
    /// <summary>The most properties an entity may have besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>The longest property name.</summary>
    public const int MaxPropertyNameLength = 255;

    private static readonly string[] ReservedNames = ["PartitionKey", "RowKey", "Timestamp", "ETag"];

    /// <summary>Creates an entity with no properties.</summary>
    /// <param name="partitionKey">The partition key (validated when the entity is sent).</param>
    /// <param name="rowKey">The row key (validated when the entity is sent).</param>
    public TableEntity(string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        PartitionKey = partitionKey;
        RowKey = rowKey;
        Properties = ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal);
    }

    /// <summary>Creates an entity with the given properties.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="properties">Property names and values of the supported types.</param>
    public TableEntity(string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, object>> properties)
        : this(partitionKey, rowKey)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var builder = Properties.ToBuilder();
        foreach (var (name, value) in properties)
        {
            ValidatePropertyName(name);
            builder[name] = NormalizeValue(name, value);
        }

        Properties = builder.ToImmutable();
    }

    /// <summary>The partition key.</summary>
    public string PartitionKey { get; }

    /// <summary>The row key.</summary>
    public string RowKey { get; }

    /// <summary>The ETag the service gave this version of the entity; empty for an entity not read from the service.</summary>
    public ETag ETag { get; init; }

    /// <summary>The service's last-modified time; null for an entity not read from the service.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The properties besides the keys and Timestamp, by name (ordinal order).</summary>
    public ImmutableSortedDictionary<string, object> Properties { get; private init; }

    /// <summary>The value of a property, or null when the entity does not have it.</summary>
    /// <param name="name">The property name.</param>
    public object? this[string name] => Properties.GetValueOrDefault(name);

    /// <summary>A copy with the property set (added or replaced).</summary>
    /// <param name="name">The property name: a C#-style identifier, at most 255 characters, not a reserved name.</param>
    /// <param name="value">A value of one of the supported types.</param>
    /// <returns>The changed copy.</returns>
    public TableEntity With(string name, object value)
    {
        ValidatePropertyName(name);
        return this with { Properties = Properties.SetItem(name, NormalizeValue(name, value)) };
    }

    /// <summary>A copy without the property.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The changed copy.</returns>
    public TableEntity Without(string name) => this with { Properties = Properties.Remove(name) };

    /// <summary>A copy carrying the given ETag, e.g. the one an update returned.</summary>
    /// <param name="etag">The ETag.</param>
    /// <returns>The changed copy.</returns>
    public TableEntity WithETag(ETag etag) => this with { ETag = etag };

    /// <summary>The string value, or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public string? GetString(string name) => Get<string>(name);

    /// <summary>The Boolean value, or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public bool? GetBoolean(string name) => GetStruct<bool>(name);

    /// <summary>The Int32 value, or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public int? GetInt32(string name) => GetStruct<int>(name);

    /// <summary>The Int64 value (an Int32 property widens), or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public long? GetInt64(string name) => this[name] is int small ? small : GetStruct<long>(name);

    /// <summary>The Double value (an Int32 property widens), or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public double? GetDouble(string name) => this[name] is int small ? small : GetStruct<double>(name);

    /// <summary>The DateTime value (UTC), or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset? GetDateTimeOffset(string name) => GetStruct<DateTimeOffset>(name);

    /// <summary>The Guid value, or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public Guid? GetGuid(string name) => GetStruct<Guid>(name);

    /// <summary>The binary value, or null when absent.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value.</returns>
    public BinaryData? GetBinary(string name) => Get<BinaryData>(name);

    /// <inheritdoc/>
    public bool Equals(TableEntity? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return string.Equals(PartitionKey, other.PartitionKey, StringComparison.Ordinal)
            && string.Equals(RowKey, other.RowKey, StringComparison.Ordinal)
            && ETag.Equals(other.ETag)
            && Timestamp == other.Timestamp
            && Properties.Count == other.Properties.Count
            && Properties.All(pair => other.Properties.TryGetValue(pair.Key, out var value) && ValuesEqual(pair.Value, value));
    }

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(PartitionKey), StringComparer.Ordinal.GetHashCode(RowKey), Properties.Count);

    /// <summary>An entity as the service returned it: no name checks, the service's types.</summary>
    internal static TableEntity FromService(
        string partitionKey, string rowKey, ETag etag, DateTimeOffset? timestamp, ImmutableSortedDictionary<string, object> properties) =>
        new(partitionKey, rowKey) { ETag = etag, Timestamp = timestamp, Properties = properties };

    /// <summary>Checks a property name: a C#-style identifier of at most 255 characters that is not reserved.</summary>
    internal static void ValidatePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxPropertyNameLength)
        {
            throw new ArgumentException($"A table property name must have 1 to {MaxPropertyNameLength} characters; this one has {name.Length}.", nameof(name));
        }

        if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' is a reserved table property name; keys, ETag and Timestamp are separate members of {nameof(TableEntity)}.", nameof(name));
        }

        var isIdentifier = (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!isIdentifier)
        {
            throw new ArgumentException($"The table property name '{name}' must look like a C# identifier: a letter or '_' followed by letters, digits or '_'.", nameof(name));
        }
    }

    private static object NormalizeValue(string name, object value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), $"Table property '{name}' is null; Azure Table storage has no null, so leave the property out."),
        string or bool or int or long or double or DateTimeOffset or Guid or BinaryData => value,
        byte[] bytes => new BinaryData(bytes.AsSpan().ToArray()),
        ReadOnlyMemory<byte> memory => new BinaryData(memory.ToArray()),
        DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
        DateTime => throw new ArgumentException($"Table property '{name}' is a DateTime that is not UTC; pass a DateTimeOffset or a DateTime with Kind Utc.", nameof(value)),
        _ => throw new ArgumentException(
            $"Table property '{name}' has type {value.GetType().Name}, which Azure Table storage cannot store; use string, bool, int, long, double, DateTimeOffset, Guid or binary.",
            nameof(value)),
    };

    private static bool ValuesEqual(object left, object right) => (left, right) switch
    {
        (BinaryData a, BinaryData b) => a.ToMemory().Span.SequenceEqual(b.ToMemory().Span),
        (double a, double b) => a.Equals(b),
        _ => left.Equals(right),
    };

    private T? Get<T>(string name)
        where T : class => this[name] switch
        {
            null => null,
            T value => value,
            var other => throw WrongType(name, typeof(T), other),
        };

    private T? GetStruct<T>(string name)
        where T : struct => this[name] switch
        {
            null => null,
            T value => value,
            var other => throw WrongType(name, typeof(T), other),
        };

    private InvalidOperationException WrongType(string name, Type wanted, object actual) =>
        new($"Table property '{name}' of entity ({PartitionKey}, {RowKey}) is a {actual.GetType().Name}, not a {wanted.Name}.");
}
