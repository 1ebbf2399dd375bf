using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AlisCompliance.Storage;

/// <summary>
/// Where the storage account is, read from configuration the way the Functions host reads a connection such as
/// <c>AzureWebJobsStorage</c>: either a connection string (its value, or <c>ConnectionStrings:{name}</c>), or identity-based
/// settings under it: <c>{name}__accountName</c>, or <c>{name}__tableServiceUri</c> and <c>{name}__queueServiceUri</c>.
/// </summary>
public sealed record StorageAccountSettings
{
    private StorageAccountSettings(string? connectionString, Uri? tableServiceUri, Uri? queueServiceUri)
    {
        ConnectionString = connectionString;
        TableServiceUri = tableServiceUri;
        QueueServiceUri = queueServiceUri;
    }

    /// <summary>Set for a connection string (Shared Key, or <c>UseDevelopmentStorage=true</c>); the URIs are then null.</summary>
    public string? ConnectionString { get; }

    /// <summary>Set for an identity-based connection (a <c>TokenCredential</c> signs the requests).</summary>
    public Uri? TableServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public bool IsIdentityBased => ConnectionString is null;

    public static StorageAccountSettings FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageAccountSettings(connectionString, null, null);
    }

    public static StorageAccountSettings FromServiceUris(Uri tableServiceUri, Uri queueServiceUri)
    {
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        return new StorageAccountSettings(null, tableServiceUri, queueServiceUri);
    }

    /// <summary>Reads the connection <paramref name="connectionName"/>; throws <see cref="InvalidOperationException"/> when it is not set.</summary>
    public static StorageAccountSettings FromConfiguration(IConfiguration configuration, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            return FromConnectionString(connectionString);
        }

        var account = section["accountName"];
        var table = ServiceUri(section["tableServiceUri"], account, "table", connectionName);
        var queue = ServiceUri(section["queueServiceUri"], account, "queue", connectionName);
        if (table is null || queue is null)
        {
            throw new InvalidOperationException(
                $"The storage connection '{connectionName}' is not configured: set {connectionName} to a connection string, "
                + $"or {connectionName}__accountName, or {connectionName}__tableServiceUri and {connectionName}__queueServiceUri.");
        }

        return FromServiceUris(table, queue);
    }

    private static Uri? ServiceUri(string? configured, string? account, string service, string connectionName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{connectionName}__{service}ServiceUri is not an absolute URI.");
        }

        return string.IsNullOrWhiteSpace(account)
            ? null
            : new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{account}.{service}.core.windows.net"));
    }
}
