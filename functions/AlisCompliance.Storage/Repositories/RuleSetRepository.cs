using System.Globalization;
using AlisCompliance.Core.Compliance;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>rulesets</c> table. Partition <c>publications</c>: one row per publication, RowKey its id (the publication
/// time, sortable, and a random suffix), metadata only; rows are only ever added, so history is never rewritten.
/// Partition <c>content-{hash}</c>: the files of one content hash, a row per file (RowKey the escaped path, text split
/// with <see cref="JsonParts"/>) and a <c>~manifest</c> row written last with the number of files. Content is stored once
/// however often it is published (an undo publishes an earlier hash again).
/// </summary>
public sealed class RuleSetRepository(ComplianceStorage storage)
{
    public const string PublicationsPartition = "publications";
    private const string ContentPrefix = "content-";
    private const string ManifestRow = "~manifest";
    private const string FileCountProperty = "FileCount";
    private const string PathProperty = "Path";

    /// <summary>The longest single file stored (the rules' own files are under 30,000 characters).</summary>
    public const int MaxFileLength = JsonParts.MaxLength;

    private static readonly string[] MetadataColumns = ["RowKey", "ContentHash", "EffectiveFrom", "PublishedBy", "PublishedAt", "Note"];

    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).RuleSets;

    /// <summary>A new publication id for one published at <paramref name="publishedAt"/>: sorts by time, never collides.</summary>
    public static string NewPublicationId(Instant publishedAt) =>
        publishedAt.ToDateTimeOffset().ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Stores the files (unless that content is stored already) and then the publication row.</summary>
    public async Task PublishAsync(RuleSetPublication publication, IReadOnlyList<RuleSource> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(files);
        if (await GetFilesAsync(publication.ContentHash, cancellationToken) is null)
        {
            await StoreContentAsync(publication.ContentHash, files, cancellationToken);
        }

        try
        {
            await TableRows.AddAsync(table, ToEntity(publication), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            // The id holds a random suffix, so only our own first try can have taken it: its answer was lost and the SDK retried.
        }
    }

    /// <summary>Every publication, oldest first, without the files.</summary>
    public async Task<IReadOnlyList<RuleSetPublication>> ListAsync(CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PublicationsPartition}");
        var publications = new List<RuleSetPublication>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: MetadataColumns, cancellationToken: cancellationToken))
        {
            publications.Add(FromEntity(row));
        }

        return [.. publications.OrderBy(publication => publication.PublishedAt).ThenBy(publication => publication.Id, StringComparer.Ordinal)];
    }

    /// <summary>The publication in force on a date, or null when none is (then the rules shipped with the program are).</summary>
    public async Task<RuleSetPublication?> GetInForceAsync(LocalDate date, CancellationToken cancellationToken = default) =>
        RuleSetPublication.InForceOn(await ListAsync(cancellationToken), date);

    /// <summary>The files of a content hash, by path; null when that content is not (completely) stored.</summary>
    public async Task<IReadOnlyList<RuleSource>?> GetFilesAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var rows = await TableBatches.ReadPartitionAsync(table, ContentPartition(contentHash), cancellationToken);
        var manifest = rows.FirstOrDefault(row => string.Equals(row.RowKey, ManifestRow, StringComparison.Ordinal));
        var files = rows.Where(row => !string.Equals(row.RowKey, ManifestRow, StringComparison.Ordinal)).ToList();
        if (manifest?.GetInt32(FileCountProperty) is not { } count || count != files.Count)
        {
            return null;
        }

        return [.. files.Select(row => new RuleSource(row.GetString(PathProperty) ?? TableKeys.Unescape(row.RowKey), JsonParts.Join(row)))
            .OrderBy(file => file.Name, StringComparer.Ordinal)];
    }

    private async Task StoreContentAsync(string contentHash, IReadOnlyList<RuleSource> files, CancellationToken cancellationToken)
    {
        var partition = ContentPartition(contentHash);
        foreach (var file in files)
        {
            var properties = new List<KeyValuePair<string, object>> { new(PathProperty, file.Name) };
            properties.AddRange(JsonParts.Split(file.Json));
            await TableRows.UpsertAsync(table, TableEntityProperties.Create(partition, TableKeys.Escape(file.Name), properties), cancellationToken);
        }

        // Last, so that content is read only once every file is there.
        await TableRows.UpsertAsync(table, TableEntityProperties.Create(partition, ManifestRow, [new(FileCountProperty, files.Count)]), cancellationToken);
    }

    private static string ContentPartition(string contentHash) => ContentPrefix + TableKeys.Escape(contentHash);

    private static TableEntity ToEntity(RuleSetPublication publication) => TableEntityProperties.Create(
        PublicationsPartition,
        publication.Id,
        [
            new("ContentHash", publication.ContentHash),
            new("EffectiveFrom", StorageTime.ToStored(publication.EffectiveFrom)),
            new("PublishedBy", publication.PublishedBy),
            new("PublishedAt", StorageTime.ToStored(publication.PublishedAt)),
            new("Note", publication.Note),
        ]);

    private static RuleSetPublication FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("ContentHash") ?? string.Empty,
        StorageTime.ToDate(entity.GetString("EffectiveFrom")) ?? default,
        entity.GetString("PublishedBy") ?? string.Empty,
        StorageTime.ToInstant(entity.GetDateTimeOffset("PublishedAt")) ?? default,
        entity.GetString("Note") ?? string.Empty);
}
