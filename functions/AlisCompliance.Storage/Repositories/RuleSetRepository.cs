using System.Text.Json;
using AlisCompliance.Core.Compliance;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>rulesets</c> table: one partition <c>rulesets</c>, a row per version (RowKey the version) holding its files as
/// JSON split over properties of at most 30,000 characters, and a row <c>current</c> pointing at the latest published
/// version (changed with its ETag). Which version is in force on a date is the latest whose effective date has come.
/// </summary>
public sealed class RuleSetRepository(ComplianceStorage storage)
{
    public const string Partition = "rulesets";
    private const int ChunkLength = 30_000;
    private const string AttemptIdProperty = "AttemptId";

    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).RuleSets;

    /// <summary>
    /// Stores a new version and makes it the current one. False when the version is already stored (the same content
    /// hash was published before); the current pointer is then left alone.
    /// </summary>
    public async Task<bool> PublishAsync(StoredRuleSet ruleSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (string.Equals(ruleSet.Version, RecordKeys.Current, StringComparison.Ordinal))
        {
            throw new ArgumentException("'current' is not a version.", nameof(ruleSet));
        }

        var entity = ToEntity(ruleSet);
        entity[AttemptIdProperty] = Guid.NewGuid().ToString("N");
        try
        {
            await TableRows.AddAsync(table, entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            // Unless it is our own insert, whose answer was lost and which the SDK retried: then move the pointer too.
            var stored = await TableRows.GetIfExistsAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken);
            if (!string.Equals(stored?.GetString(AttemptIdProperty), entity.GetString(AttemptIdProperty), StringComparison.Ordinal))
            {
                return false;
            }
        }

        while (true)
        {
            var current = await TableRows.GetIfExistsAsync(table, Partition, RecordKeys.Current, cancellationToken);
            var pointer = new TableEntity(Partition, RecordKeys.Current) { ["Version"] = ruleSet.Version, ["PublishedAt"] = StorageTime.ToStored(ruleSet.PublishedAt) };
            try
            {
                _ = current is null
                    ? await TableRows.AddAsync(table, pointer, cancellationToken)
                    : await TableRows.ReplaceAsync(table, pointer, current.ETag, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsAlreadyExists())
            {
                // Another publication moved the pointer: read it again and put ours on top.
            }
        }
    }

    public async Task<StoredRuleSet?> GetAsync(string version, CancellationToken cancellationToken = default)
    {
        var entity = await TableRows.GetIfExistsAsync(table, Partition, TableKeys.Escape(version), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>The latest published version, whatever its effective date.</summary>
    public async Task<StoredRuleSet?> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var pointer = await TableRows.GetIfExistsAsync(table, Partition, RecordKeys.Current, cancellationToken);
        return pointer?.GetString("Version") is { } version ? await GetAsync(version, cancellationToken) : null;
    }

    /// <summary>The version in force on a date: the latest-effective one whose date has come (ties: the later published).</summary>
    public async Task<StoredRuleSet?> GetInForceAsync(LocalDate date, CancellationToken cancellationToken = default)
    {
        var versions = await ListAsync(cancellationToken);
        return versions
            .Where(ruleSet => ruleSet.EffectiveFrom <= date)
            .OrderByDescending(ruleSet => ruleSet.EffectiveFrom)
            .ThenByDescending(ruleSet => ruleSet.PublishedAt)
            .FirstOrDefault();
    }

    /// <summary>Every stored version.</summary>
    public async Task<IReadOnlyList<StoredRuleSet>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await TableBatches.ReadPartitionAsync(table, Partition, cancellationToken);
        return [.. rows.Where(row => !string.Equals(row.RowKey, RecordKeys.Current, StringComparison.Ordinal)).Select(FromEntity)];
    }

    private static TableEntity ToEntity(StoredRuleSet ruleSet)
    {
        var files = JsonSerializer.Serialize(ruleSet.Files.Select(file => new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = file.Name, ["json"] = file.Json }));
        var properties = new List<KeyValuePair<string, object>>
        {
            new("Version", ruleSet.Version),
            new("EffectiveFrom", StorageTime.ToStored(ruleSet.EffectiveFrom)),
            new("PublishedBy", ruleSet.PublishedBy),
            new("PublishedAt", StorageTime.ToStored(ruleSet.PublishedAt)),
        };
        var parts = 0;
        for (var start = 0; start < files.Length; start += ChunkLength, parts++)
        {
            properties.Add(new($"Files{parts}", files.Substring(start, Math.Min(ChunkLength, files.Length - start))));
        }

        properties.Add(new("FileParts", parts));
        return TableEntityProperties.Create(Partition, TableKeys.Escape(ruleSet.Version), properties);
    }

    private static StoredRuleSet FromEntity(TableEntity entity)
    {
        var parts = entity.GetInt32("FileParts") ?? 0;
        var files = string.Concat(Enumerable.Range(0, parts).Select(part => entity.GetString($"Files{part}")));
        var list = files.Length == 0 ? [] : JsonSerializer.Deserialize<List<Dictionary<string, string>>>(files) ?? [];
        return new StoredRuleSet(
            entity.GetString("Version") ?? TableKeys.Unescape(entity.RowKey),
            [.. list.Select(file => new RuleSource(file["name"], file["json"]))],
            StorageTime.ToDate(entity.GetString("EffectiveFrom")) ?? default,
            entity.GetString("PublishedBy") ?? string.Empty,
            StorageTime.ToInstant(entity.GetDateTimeOffset("PublishedAt")) ?? default);
    }
}
