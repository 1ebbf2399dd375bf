using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AlisCompliance.Storage;

/// <summary>The SDK's service clients for an account, made with <see cref="StorageClientOptions"/>.</summary>
public static class StorageClients
{
    /// <param name="settings">A connection string, or service URIs.</param>
    /// <param name="credential">Signs requests to service URIs; unused with a connection string.</param>
    /// <param name="options">Null for the defaults.</param>
    public static TableServiceClient CreateTableServiceClient(StorageAccountSettings settings, TokenCredential? credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var tables = (options ?? new StorageClientOptions()).Tables;
        return settings.ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, tables)
            : new TableServiceClient(settings.TableServiceUri, RequireCredential(credential), tables);
    }

    /// <inheritdoc cref="CreateTableServiceClient"/>
    public static QueueServiceClient CreateQueueServiceClient(StorageAccountSettings settings, TokenCredential? credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var queues = (options ?? new StorageClientOptions()).Queues;
        return settings.ConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, queues)
            : new QueueServiceClient(settings.QueueServiceUri, RequireCredential(credential), queues);
    }

    private static TokenCredential RequireCredential(TokenCredential? credential) =>
        credential ?? throw new ArgumentNullException(nameof(credential), "An identity-based storage connection needs a TokenCredential.");
}
