using AlisCompliance.Storage.Queues;
using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The app's tables and queue in one storage account, by <see cref="StorageNames"/>. Thread-safe; keep one.</summary>
public sealed class ComplianceStorage
{
    public ComplianceStorage(TableServiceClient tables, QueueServiceClient queues, StorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        Names = names ?? StorageNames.Default;
        Records = tables.GetTableClient(Names.Records);
        Municipalities = tables.GetTableClient(Names.Municipalities);
        Findings = tables.GetTableClient(Names.Findings);
        Alerts = tables.GetTableClient(Names.Alerts);
        Digests = tables.GetTableClient(Names.Digests);
        RuleSets = tables.GetTableClient(Names.RuleSets);
        Audit = tables.GetTableClient(Names.Audit);
        AlisChanged = queues.GetQueueClient(Names.AlisChangedQueue);
        LeaderAlerts = queues.GetQueueClient(Names.LeaderAlertsQueue);
    }

    public StorageNames Names { get; }

    public TableClient Records { get; }

    public TableClient Municipalities { get; }

    public TableClient Findings { get; }

    public TableClient Alerts { get; }

    public TableClient Digests { get; }

    public TableClient RuleSets { get; }

    public TableClient Audit { get; }

    public QueueClient AlisChanged { get; }

    public QueueClient LeaderAlerts { get; }

    /// <summary>Connects with a connection string (Shared Key), e.g. <c>UseDevelopmentStorage=true</c>.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="names">The table and queue names; null for the defaults.</param>
    /// <param name="options">Retry and transport options.</param>
    /// <returns>The storage.</returns>
    public static ComplianceStorage Connect(string connectionString, StorageNames? names = null, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return new ComplianceStorage(new TableServiceClient(parsed, options), new QueueServiceClient(parsed, options), names);
    }

    /// <summary>Creates every table and the queue unless they exist (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        TableClient[] tables = [Records, Municipalities, Findings, Alerts, Digests, RuleSets, Audit];
        await Task.WhenAll(tables.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
        await AlisChanged.CreateIfNotExistsAsync(cancellationToken);
        await LeaderAlerts.CreateIfNotExistsAsync(cancellationToken);
    }
}
