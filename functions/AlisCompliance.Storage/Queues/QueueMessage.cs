namespace AlisCompliance.Storage.Queues;

/// <summary>
/// A received message: invisible to others until <see cref="NextVisibleOn"/>; delete it with <see cref="PopReceipt"/>
/// when done, or it comes back with <see cref="DequeueCount"/> one higher.
/// </summary>
public sealed record QueueMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The receipt that deletes or updates this receipt of the message (it changes on every receive and update).</summary>
    public required string PopReceipt { get; init; }

    /// <summary>How many times the message has been received, this time included.</summary>
    public required long DequeueCount { get; init; }

    /// <summary>When the message was put on the queue.</summary>
    public required DateTimeOffset InsertionTime { get; init; }

    /// <summary>When the message expires.</summary>
    public required DateTimeOffset ExpirationTime { get; init; }

    /// <summary>When the message becomes visible again unless deleted or updated.</summary>
    public required DateTimeOffset NextVisibleOn { get; init; }

    /// <summary>The decoded text, or null when the stored text is not valid for the client's encoding (e.g. not base64).</summary>
    public required string? Text { get; init; }

    /// <summary>The text exactly as stored in the queue (base64 under the default encoding).</summary>
    public required string RawText { get; init; }
}
