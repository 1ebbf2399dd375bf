using System.Globalization;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The keys of the <c>records</c> and <c>municipalities</c> tables (see the key design in the README).</summary>
public static class RecordKeys
{
    /// <summary>RowKey of an ALIS partition's pointer row: which batch is in force.</summary>
    public const string Current = "current";

    /// <summary>RowKey of the municipality's own row in its partition.</summary>
    public const string Municipality = "municipality";

    /// <summary>PartitionKey of the <c>municipalities</c> table's one partition.</summary>
    public const string MunicipalitiesPartition = "municipalities";

    public const string LeaderPrefix = "leader";
    public const string ArenaPrefix = "arena";
    public const string VeilederPrefix = "veileder";
    public const string AlisIndexPrefix = "alis";

    /// <summary><c>m|{municipalityId}</c>.</summary>
    public static string MunicipalityPartition(string municipalityId) => "m|" + TableKeys.Escape(municipalityId);

    /// <summary><c>a|{municipalityId}|{alisId}</c>.</summary>
    public static string AlisPartition(string municipalityId, string alisId) => TableKeys.Join("a", municipalityId, alisId);

    /// <summary><c>{prefix}|{id}</c> in a municipality partition (leader, arena, veileder, alis index).</summary>
    public static string MunicipalityRow(string prefix, string id) => prefix + "|" + TableKeys.Escape(id);

    /// <summary><c>{batchId}|{kind}|{chunk:D4}</c> in an ALIS partition (the ALIS's own row is chunk 0 of kind <c>alis</c>).</summary>
    public static string ChunkRow(string batchId, RecordKind kind, int chunk)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return string.Create(CultureInfo.InvariantCulture, $"{batchId}|{kind.Name}|{chunk:D4}");
    }

    /// <summary>The first RowKey of a batch; every row of the batch is at or after it and before <see cref="BatchEnd"/>.</summary>
    public static string BatchStart(string batchId) => batchId + "|";

    /// <summary>Just past the last RowKey of a batch: kinds are lower-case letters, all below <c>~</c>.</summary>
    public static string BatchEnd(string batchId) => batchId + "|~";

    /// <summary>
    /// Just past every key that starts with <paramref name="prefix"/> (which ends with the separator): the separator
    /// <c>|</c> raised to <c>}</c>. Ids may start with any character, even <c>~</c> or <c>ø</c>, so no character after the
    /// separator would do.
    /// </summary>
    public static string PrefixEnd(string prefix) =>
        prefix.EndsWith(TableKeys.Separator) ? prefix[..^1] + "}" : throw new ArgumentException("A key prefix ends with the separator '|'.", nameof(prefix));

    /// <summary>The batch a RowKey belongs to, or null for a row that is not a batch row.</summary>
    public static string? BatchOf(string rowKey)
    {
        var separator = rowKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal);
        return separator <= 0 ? null : rowKey[..separator];
    }
}
