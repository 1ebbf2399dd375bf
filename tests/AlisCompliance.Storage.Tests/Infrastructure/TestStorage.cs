using System.Text.Json;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh set of the app's tables and queue on the collection's Azurite, under a unique prefix, with helpers to
/// snapshot every table and read the queue.
/// </summary>
internal sealed class TestStorage
{
    private TestStorage(AzuriteFixture azurite, StorageNames names, ComplianceStorage storage)
    {
        Azurite = azurite;
        Names = names;
        Storage = storage;
    }

    public AzuriteFixture Azurite { get; }

    public StorageNames Names { get; }

    public ComplianceStorage Storage { get; }

    public static async Task<TestStorage> CreateAsync(AzuriteFixture azurite)
    {
        var names = StorageNames.WithPrefix("t" + Guid.NewGuid().ToString("N")[..12]);
        var storage = Connect(azurite, names);
        await storage.EnsureCreatedAsync();
        return new TestStorage(azurite, names, storage);
    }

    /// <summary>Another client on the same tables, e.g. with a fault-injecting policy.</summary>
    public ComplianceStorage WithPolicy(HttpPipelinePolicy policy)
    {
        return Connect(Azurite, Names, AzuriteFixture.FastRetryOptions().AddPolicy(policy, HttpPipelinePosition.PerCall));
    }

    public IngestService Ingest(IClock? clock = null, ComplianceStorage? storage = null) =>
        new(storage ?? Storage, TestRecords.Reader, clock ?? ManualClock.At(2026, 11, 23));

    public RecordsRepository Records(IClock? clock = null) => new(Storage, TestRecords.Reader, clock ?? ManualClock.At(2026, 11, 23));

    /// <summary>Every entity of every table as "table PK RK {properties}", sorted; no ETags or timestamps.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync(params string[] excludeTables)
    {
        var rows = new List<string>();
        TableClient[] tables = [Storage.Records, Storage.Municipalities, Storage.Findings, Storage.Alerts, Storage.Digests, Storage.RuleSets, Storage.Audit];
        foreach (var table in tables.Where(table => !excludeTables.Contains(table.Name)))
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                var properties = JsonSerializer.Serialize(TableEntityProperties.Custom(entity).ToDictionary(pair => pair.Key, pair => pair.Value.ToString()));
                rows.Add($"{table.Name} {entity.PartitionKey} {entity.RowKey} {properties}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Every entity of the records table, by key.</summary>
    public async Task<List<TableEntity>> RecordsRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in Storage.Records.QueryAsync<TableEntity>())
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>Receives and deletes every message on the alis-changed queue.</summary>
    public async Task<List<AlisChangedMessage>> DrainQueueAsync()
    {
        var messages = new List<AlisChangedMessage>();
        while (true)
        {
            var batch = (await Storage.AlisChanged.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(AlisChangedMessage.Parse(message.Body.ToString()) ?? throw new InvalidOperationException("Not an alis-changed message: " + message.MessageId));
                await Storage.AlisChanged.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    private static ComplianceStorage Connect(AzuriteFixture azurite, StorageNames names, StorageClientOptions? options = null)
    {
        options ??= AzuriteFixture.FastRetryOptions();
        return new ComplianceStorage(azurite.CreateTableServiceClient(options), azurite.CreateQueueServiceClient(options), names, options);
    }
}
