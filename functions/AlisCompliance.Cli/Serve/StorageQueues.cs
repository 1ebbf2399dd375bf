using Azure.Storage.Queues;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// Queue clients for serve's drain check and the poison commands: Base64 messages, as the Functions queue trigger reads
/// and writes them, and a service version Azurite 3.35 accepts (it refuses the SDK's default without
/// <c>--skipApiVersionCheck</c>).
/// </summary>
internal static class StorageQueues
{
    public static QueueServiceClient Connect(string connectionString, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(connectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = encoding });

    /// <summary>
    /// The text a Base64 message carries; a message that is not Base64 (the queue listener poisons such a message without
    /// a call) as it is.
    /// </summary>
    public static string DecodeBase64OrRaw(string messageText)
    {
        var bytes = new byte[messageText.Length];
        return Convert.TryFromBase64String(messageText, bytes, out var written) ? System.Text.Encoding.UTF8.GetString(bytes, 0, written) : messageText;
    }

    public static string PoisonQueueName(string queueName) => queueName + AlisCompliance.Storage.Repositories.ComplianceStorage.PoisonSuffix;
}
