using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AlisCompliance.Storage;

/// <summary>
/// The SDK options the app's table and queue clients are made with: pinned service versions, Base64 queue messages, and
/// one place to set retries or add a pipeline policy (a test's fault injection) for both clients.
/// </summary>
public sealed class StorageClientOptions
{
    /// <summary>The Table REST version; Azurite 3.35 accepts it.</summary>
    public const TableClientOptions.ServiceVersion TableServiceVersion = TableClientOptions.ServiceVersion.V2019_02_02;

    /// <summary>
    /// The Queue REST version. The SDK's default (2026-10-06) is newer than Azurite 3.35 accepts; 2025-11-05 is the newest
    /// it does.
    /// </summary>
    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    public TableClientOptions Tables { get; } = new(TableServiceVersion);

    /// <summary>Base64 message encoding: the Functions queue trigger base64-decodes a message and poisons one that is not.</summary>
    public QueueClientOptions Queues { get; } = new(QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>Adds the policy to both clients' pipelines.</summary>
    public StorageClientOptions AddPolicy(HttpPipelinePolicy policy, HttpPipelinePosition position)
    {
        Tables.AddPolicy(policy, position);
        Queues.AddPolicy(policy, position);
        return this;
    }

    /// <summary>Changes both clients' retry settings (the SDK's default: 3 retries from 0.8 s, exponential).</summary>
    public StorageClientOptions ConfigureRetry(Action<RetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Tables.Retry);
        configure(Queues.Retry);
        return this;
    }
}
