using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The app's tables and queue in one storage account, by <see cref="StorageNames"/>. Thread-safe; keep one.</summary>
public sealed class ComplianceStorage
{
    /// <summary>The Functions host's (and the WebJobs SDK's) name for a queue's poison queue: the queue's name and this.</summary>
    public const string PoisonSuffix = "-poison";

    /// <param name="tables">The Table service client (see <see cref="StorageClients"/> for one made with the app's options).</param>
    /// <param name="queues">The Queue service client; it must use Base64 message encoding, as the Functions trigger does.</param>
    /// <param name="names">The table and queue names; null for the defaults.</param>
    /// <param name="options">The options the clients were made with; their table retry settings also retry transactions, which the SDK does not.</param>
    public ComplianceStorage(TableServiceClient tables, QueueServiceClient queues, StorageNames? names = null, StorageClientOptions? options = null)
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
        AlisChangedPoison = queues.GetQueueClient(Names.AlisChangedQueue + PoisonSuffix);
        LeaderAlertsPoison = queues.GetQueueClient(Names.LeaderAlertsQueue + PoisonSuffix);
        TransactionRetry = (options ?? new StorageClientOptions()).Tables.Retry;
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

    /// <summary>Where the Functions host moves an <c>alis-changed</c> message after its last failed try (never created here).</summary>
    public QueueClient AlisChangedPoison { get; }

    /// <summary>Where the Functions host moves a <c>leader-alerts</c> message after its last failed try (never created here).</summary>
    public QueueClient LeaderAlertsPoison { get; }

    internal RetryOptions TransactionRetry { get; }

    /// <summary>Connects with a connection string (Shared Key), e.g. <c>UseDevelopmentStorage=true</c> for Azurite.</summary>
    /// <param name="connectionString">The connection string; a malformed one throws <see cref="FormatException"/> or <see cref="ArgumentException"/>.</param>
    /// <param name="names">The table and queue names; null for the defaults.</param>
    /// <param name="options">Retries and policies; null for the defaults.</param>
    /// <returns>The storage.</returns>
    public static ComplianceStorage Connect(string connectionString, StorageNames? names = null, StorageClientOptions? options = null)
    {
        var settings = StorageAccountSettings.FromConnectionString(connectionString);
        return new ComplianceStorage(
            StorageClients.CreateTableServiceClient(settings, null, options),
            StorageClients.CreateQueueServiceClient(settings, null, options),
            names,
            options);
    }

    /// <summary>Creates every table and the queue unless they exist (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        TableClient[] tables = [Records, Municipalities, Findings, Alerts, Digests, RuleSets, Audit];
        await Task.WhenAll(tables.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
        await AlisChanged.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await LeaderAlerts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
