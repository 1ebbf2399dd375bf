using AlisCompliance.Storage.Queues;
using Azure.Core;
using NodaTime;

namespace AlisCompliance.Storage;

/// <summary>
/// Options for the Table and Queue clients: retries (<see cref="ClientOptions.Retry"/>: exponential back-off on
/// 408, 429, 500, 502, 503, 504 and network errors), transport, diagnostics, and the queue message encoding.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>
    /// The REST API version sent as <c>x-ms-version</c> on every request: the newest that Azurite 3.35.0 accepts.
    /// </summary>
    public const string ServiceVersion = "2025-11-05";

    /// <summary>Creates options with Azure.Core's default retry settings (3 retries, 0.8 s exponential back-off).</summary>
    public StorageClientOptions()
    {
        foreach (var header in new[] { "x-ms-error-code", "x-ms-version", "x-ms-date", "x-ms-request-id", "x-ms-continuation-NextPartitionKey", "x-ms-continuation-NextRowKey", "x-ms-approximate-messages-count", "Preference-Applied", "DataServiceVersion", "ETag" })
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }
    }

    /// <summary>
    /// How queue message text is encoded on the wire. The default, <see cref="QueueMessageEncoding.Base64"/>, is what the
    /// Azure Functions queue trigger expects with its default <c>"messageEncoding": "base64"</c>.
    /// </summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>The clock each request's <c>x-ms-date</c> is read from; the system clock unless a test sets one.</summary>
    public IClock Clock { get; set; } = SystemClock.Instance;
}
