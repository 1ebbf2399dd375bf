using AlisCompliance.Storage.Authentication;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// The Table service of one storage account: hands out <see cref="TableClient"/>s that share its pipeline
/// (authentication, retries, connections) and creates or deletes tables. Thread-safe; keep one per account.
/// </summary>
public sealed class TableServiceClient
{
    private readonly StoragePipeline pipeline;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">E.g. <c>UseDevelopmentStorage=true</c>.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a parsed connection string (Shared Key).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableServiceClient(StorageConnectionString connectionString, StorageClientOptions? options = null)
        : this(CheckNotNull(connectionString).TableEndpoint, new TableSharedKeyPolicy(connectionString.CreateSharedKeyCredential()), options)
    {
    }

    /// <summary>Creates a client that signs with the account's Shared Key.</summary>
    /// <param name="tableEndpoint">The account's table endpoint.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableServiceClient(Uri tableEndpoint, AzureNamedKeyCredential credential, StorageClientOptions? options = null)
        : this(tableEndpoint, new TableSharedKeyPolicy(credential), options)
    {
    }

    /// <summary>Creates a client that authenticates with Entra ID (managed identity in Azure); https only.</summary>
    /// <param name="tableEndpoint">The account's table endpoint.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Retry, transport and diagnostics options.</param>
    public TableServiceClient(Uri tableEndpoint, TokenCredential credential, StorageClientOptions? options = null)
        : this(tableEndpoint, StorageAuthentication.CreateBearerTokenPolicy(credential), options)
    {
    }

    private TableServiceClient(Uri tableEndpoint, HttpPipelinePolicy authentication, StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        Endpoint = tableEndpoint;
        pipeline = StoragePipeline.Create(options, authentication, "Table");
    }

    /// <summary>The account's table endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>A client for one table (no request is made; the table need not exist yet).</summary>
    /// <param name="tableName">The table: 3-63 letters and digits, starting with a letter.</param>
    /// <returns>The table client.</returns>
    public TableClient GetTableClient(string tableName) => new(pipeline, Endpoint, tableName);

    /// <summary>Creates the table unless it exists, and returns its client.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The table client.</returns>
    public async Task<TableClient> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        var table = GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <summary>Deletes the table and everything in it.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call deleted it; false when it did not exist.</returns>
    public Task<bool> DeleteTableIfExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteIfExistsAsync(cancellationToken);

    private static StorageConnectionString CheckNotNull(StorageConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString;
    }
}
