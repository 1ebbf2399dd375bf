using System.Globalization;
using AlisCompliance.Storage.Authentication;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Queues;

/// <summary>
/// Sends, receives, peeks, updates and deletes the messages of one Azure Storage queue over the REST API.
/// Message text is encoded per <see cref="StorageClientOptions.MessageEncoding"/>: base64 of UTF-8 by default, which is
/// what the Azure Functions queue trigger reads. Thread-safe; keep one per queue.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The most messages one receive or peek returns.</summary>
    public const int MaxMessagesPerCall = 32;

    /// <summary>The visibility timeout a receive uses when none is given.</summary>
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly StoragePipeline pipeline;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">E.g. <c>UseDevelopmentStorage=true</c>.</param>
    /// <param name="queueName">The queue: 3-63 lower-case letters, digits and single dashes.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), queueName, options)
    {
    }

    /// <summary>Creates a client from a parsed connection string (Shared Key).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="queueName">The queue name.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueClient(StorageConnectionString connectionString, string queueName, StorageClientOptions? options = null)
        : this(CheckNotNull(connectionString).QueueEndpoint, queueName, new QueueSharedKeyPolicy(connectionString.CreateSharedKeyCredential()), options)
    {
    }

    /// <summary>Creates a client that signs with the account's Shared Key.</summary>
    /// <param name="queueEndpoint">The account's queue endpoint, e.g. <c>https://acct.queue.core.windows.net</c>.</param>
    /// <param name="queueName">The queue name.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueClient(Uri queueEndpoint, string queueName, AzureNamedKeyCredential credential, StorageClientOptions? options = null)
        : this(queueEndpoint, queueName, new QueueSharedKeyPolicy(credential), options)
    {
    }

    /// <summary>Creates a client that authenticates with Entra ID (managed identity in Azure); https only.</summary>
    /// <param name="queueEndpoint">The account's queue endpoint.</param>
    /// <param name="queueName">The queue name.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Retry, transport, diagnostics and message-encoding options.</param>
    public QueueClient(Uri queueEndpoint, string queueName, TokenCredential credential, StorageClientOptions? options = null)
        : this(queueEndpoint, queueName, StorageAuthentication.CreateBearerTokenPolicy(credential), options)
    {
    }

    internal QueueClient(StoragePipeline pipeline, Uri queueEndpoint, string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        QueueNameValidator.Validate(queueName);
        this.pipeline = pipeline;
        Endpoint = queueEndpoint;
        Name = queueName;
    }

    private QueueClient(Uri queueEndpoint, string queueName, HttpPipelinePolicy authentication, StorageClientOptions? options)
        : this(StoragePipeline.Create(options, authentication, "Queue"), queueEndpoint, queueName)
    {
    }

    /// <summary>The account's queue endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>How this client encodes and decodes message text.</summary>
    public QueueMessageEncoding MessageEncoding => pipeline.MessageEncoding;

    private string QueueUri => Endpoint.AbsoluteUri.TrimEnd('/') + "/" + Name;

    private string MessagesUri => QueueUri + "/messages";

    /// <summary>Creates the queue unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call created it; false when it was already there.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, QueueUri);
        var operation = $"Create queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        return response.Status switch
        {
            201 => true,
            204 => false,
            409 when HasErrorCode(response, StorageErrorCodes.QueueAlreadyExists) => false,
            _ => throw StoragePipeline.CreateFailure(message, operation),
        };
    }

    /// <summary>Deletes the queue and its messages.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call deleted it; false when it did not exist.</returns>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, QueueUri);
        var operation = $"Delete queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StoragePipeline.CreateFailure(message, operation),
        };
    }

    /// <summary>
    /// Puts a message on the queue. The text is encoded per <see cref="MessageEncoding"/> and may be at most 64 KiB once
    /// encoded (about 48 KiB of UTF-8 under base64); a larger one is rejected before sending.
    /// </summary>
    /// <param name="text">The message text, e.g. JSON.</param>
    /// <param name="visibilityDelay">How long the message stays invisible first (0-7 days); null for none.</param>
    /// <param name="timeToLive">How long until it expires; null for the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new message's id, pop receipt and times.</returns>
    public async Task<QueueSendReceipt> SendMessageAsync(
        string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var wireText = QueueMessageCodec.Encode(text, MessageEncoding);
        using var message = pipeline.CreateMessage(RequestMethod.Post, MessagesUri);
        if (visibilityDelay is { } delay)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", WholeSeconds(delay, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityDelay)));
        }

        if (timeToLive is { } ttl)
        {
            var value = ttl == Timeout.InfiniteTimeSpan ? "-1" : WholeSeconds(ttl, TimeSpan.FromSeconds(1), TimeSpan.MaxValue, nameof(timeToLive));
            message.Request.Uri.AppendQuery("messagettl", value);
        }

        SetXmlContent(message.Request, QueueMessageXml.RequestBody(wireText));
        var operation = $"Send message to queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 201)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        var sent = QueueMessageXml.Messages(response.Content).Single();
        return new QueueSendReceipt(
            QueueMessageXml.Text(sent, "MessageId"),
            QueueMessageXml.Text(sent, "PopReceipt"),
            QueueMessageXml.Time(sent, "InsertionTime"),
            QueueMessageXml.Time(sent, "ExpirationTime"),
            QueueMessageXml.Time(sent, "TimeNextVisible"));
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.
    /// Delete each when done; one not deleted comes back after the timeout with its dequeue count one higher.
    /// </summary>
    /// <param name="maxMessages">1-32.</param>
    /// <param name="visibilityTimeout">1 s to 7 days (whole seconds, rounded up); null for 30 s.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages; empty when none is visible.</returns>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        CheckMessageCount(maxMessages);
        using var message = pipeline.CreateMessage(RequestMethod.Get, MessagesUri);
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        message.Request.Uri.AppendQuery(
            "visibilitytimeout",
            WholeSeconds(visibilityTimeout ?? DefaultVisibilityTimeout, TimeSpan.FromSeconds(1), MaxVisibilityTimeout, nameof(visibilityTimeout)));

        var operation = $"Receive messages from queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        return [.. QueueMessageXml.Messages(response.Content).Select(element =>
        {
            var rawText = QueueMessageXml.Text(element, "MessageText");
            return new QueueMessage
            {
                MessageId = QueueMessageXml.Text(element, "MessageId"),
                PopReceipt = QueueMessageXml.Text(element, "PopReceipt"),
                DequeueCount = QueueMessageXml.Number(element, "DequeueCount"),
                InsertionTime = QueueMessageXml.Time(element, "InsertionTime"),
                ExpirationTime = QueueMessageXml.Time(element, "ExpirationTime"),
                NextVisibleOn = QueueMessageXml.Time(element, "TimeNextVisible"),
                RawText = rawText,
                Text = QueueMessageCodec.TryDecode(rawText, MessageEncoding),
            };
        })];
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them (no dequeue).</summary>
    /// <param name="maxMessages">1-32.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages at the front of the queue; empty when none is visible.</returns>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        CheckMessageCount(maxMessages);
        using var message = pipeline.CreateMessage(RequestMethod.Get, MessagesUri);
        message.Request.Uri.AppendQuery("peekonly", "true");
        message.Request.Uri.AppendQuery("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));

        var operation = $"Peek messages in queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        return [.. QueueMessageXml.Messages(response.Content).Select(element =>
        {
            var rawText = QueueMessageXml.Text(element, "MessageText");
            return new PeekedQueueMessage
            {
                MessageId = QueueMessageXml.Text(element, "MessageId"),
                DequeueCount = QueueMessageXml.Number(element, "DequeueCount"),
                InsertionTime = QueueMessageXml.Time(element, "InsertionTime"),
                ExpirationTime = QueueMessageXml.Time(element, "ExpirationTime"),
                RawText = rawText,
                Text = QueueMessageCodec.TryDecode(rawText, MessageEncoding),
            };
        })];
    }

    /// <summary>
    /// Deletes a received message. Throws 404 <c>MessageNotFound</c> when it is gone, and 400 <c>PopReceiptMismatch</c>
    /// when the receipt is stale (the message was received again or updated since).
    /// </summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The latest pop receipt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is deleted.</returns>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = pipeline.CreateMessage(RequestMethod.Delete, MessagesUri + "/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        var operation = $"Delete message from queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }
    }

    /// <summary>Changes how long a received message stays invisible (0 makes it visible at once).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The latest pop receipt.</param>
    /// <param name="visibilityTimeout">0 s to 7 days from now (whole seconds, rounded up).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new pop receipt (the old one stops working) and when the message becomes visible.</returns>
    public Task<QueueUpdateReceipt> UpdateVisibilityAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        UpdateCoreAsync(messageId, popReceipt, visibilityTimeout, newText: null, cancellationToken);

    /// <summary>Replaces a received message's text and sets how long it stays invisible.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The latest pop receipt.</param>
    /// <param name="text">The new text (encoded like a sent message; 64 KiB limit).</param>
    /// <param name="visibilityTimeout">0 s to 7 days from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new pop receipt and when the message becomes visible.</returns>
    public Task<QueueUpdateReceipt> UpdateMessageAsync(
        string messageId, string popReceipt, string text, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UpdateCoreAsync(messageId, popReceipt, visibilityTimeout, text, cancellationToken);
    }

    /// <summary>The approximate number of messages in the queue (visible or not); not exact while others write.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Get, QueueUri);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var operation = $"Read properties of queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 200
            || !response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        return value;
    }

    /// <summary>Deletes every message in the queue.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the queue is empty.</returns>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Delete, MessagesUri);
        var operation = $"Clear queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }
    }

    private static StorageConnectionString CheckNotNull(StorageConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return connectionString;
    }

    private static void CheckMessageCount(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerCall} messages per call.");
        }
    }

    private static string WholeSeconds(TimeSpan value, TimeSpan min, TimeSpan max, string parameterName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {min} and {max}.");
        }

        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static bool HasErrorCode(Response response, string errorCode) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) && string.Equals(code, errorCode, StringComparison.Ordinal);

    private static void SetXmlContent(Request request, byte[] xml)
    {
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        request.Content = RequestContent.Create(xml);
    }

    private async Task<QueueUpdateReceipt> UpdateCoreAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var seconds = WholeSeconds(visibilityTimeout, TimeSpan.Zero, MaxVisibilityTimeout, nameof(visibilityTimeout));
        var wireText = newText is null ? null : QueueMessageCodec.Encode(newText, MessageEncoding);

        using var message = pipeline.CreateMessage(RequestMethod.Put, MessagesUri + "/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", seconds);
        if (wireText is not null)
        {
            SetXmlContent(message.Request, QueueMessageXml.RequestBody(wireText));
        }

        var operation = $"Update message in queue '{Name}'";
        var response = await pipeline.SendAsync(message, operation, cancellationToken);
        if (response.Status != 204
            || !response.Headers.TryGetValue("x-ms-popreceipt", out var newPopReceipt)
            || !response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible))
        {
            throw StoragePipeline.CreateFailure(message, operation);
        }

        return new QueueUpdateReceipt(newPopReceipt, QueueMessageXml.ParseRfc1123(nextVisible));
    }
}
