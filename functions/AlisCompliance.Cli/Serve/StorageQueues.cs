using Azure.Storage.Queues;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// Queue clients for serve's drain check and the poison commands: Base64 messages, as the Functions queue trigger reads
/// and writes them, and a service version Azurite 3.35 accepts (it refuses the SDK's default without
/// <c>--skipApiVersionCheck</c>).
/// </summary>
internal static class StorageQueues
{
    public static QueueServiceClient Connect(string connectionString) =>
        new(connectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.Base64 });

    public static string PoisonQueueName(string queueName) => queueName + "-poison";
}
