using AlisCompliance.Storage.Authentication;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Queues;

/// <summary>
/// The Queue service of one storage account: hands out <see cref="QueueClient"/>s that share its pipeline
/// (authentication, retries, connections, message encoding). Thread-safe; keep one per account.
/// </summary>
public sealed class QueueServiceClient
{
    private readonly StoragePipeline pipeline;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">E.g. <c>UseDevelopmentStorage=true</c>.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a parsed connection string (Shared Key).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueServiceClient(StorageConnectionString connectionString, StorageClientOptions? options = null)
        : this(CheckNotNull(connectionString).QueueEndpoint, new QueueSharedKeyPolicy(connectionString.CreateSharedKeyCredential()), options)
    {
    }

    /// <summary>Creates a client that signs with the account's Shared Key.</summary>
    /// <param name="queueEndpoint">The account's queue endpoint.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueServiceClient(Uri queueEndpoint, AzureNamedKeyCredential credential, StorageClientOptions? options = null)
        : this(queueEndpoint, new QueueSharedKeyPolicy(credential), options)
    {
    }

    /// <summary>Creates a client that authenticates with Entra ID (managed identity in Azure); https only.</summary>
    /// <param name="queueEndpoint">The account's queue endpoint.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueServiceClient(Uri queueEndpoint, TokenCredential credential, StorageClientOptions? options = null)
        : this(queueEndpoint, StorageAuthentication.CreateBearerTokenPolicy(credential), options)
    {
    }

    private QueueServiceClient(Uri queueEndpoint, HttpPipelinePolicy authentication, StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        Endpoint = queueEndpoint;
        pipeline = StoragePipeline.Create(options, authentication, "Queue");
    }

    /// <summary>The account's queue endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>A client for one queue (no request is made; the queue need not exist yet).</summary>
    /// <param name="queueName">The queue: 3-63 lower-case letters, digits and single dashes.</param>
    /// <returns>The queue client.</returns>
    public QueueClient GetQueueClient(string queueName) => new(pipeline, Endpoint, queueName);

    /// <summary>Creates the queue unless it exists, and returns its client.</summary>
    /// <param name="queueName">The queue name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The queue client.</returns>
    public async Task<QueueClient> CreateQueueIfNotExistsAsync(string queueName, CancellationToken cancellationToken = default)
    {
        var queue = GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken);
        return queue;
    }

    private static StorageConnectionString CheckNotNull(StorageConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString;
    }
}
