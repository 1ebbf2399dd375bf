namespace AlisCompliance.Storage.Queues;

/// <summary>A message seen by a peek: still visible, not received, so without a pop receipt.</summary>
public sealed record PeekedQueueMessage
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>How many times the message has been received so far (a peek does not count).</summary>
    public required long DequeueCount { get; init; }

    /// <summary>When the message was put on the queue.</summary>
    public required DateTimeOffset InsertionTime { get; init; }

    /// <summary>When the message expires.</summary>
    public required DateTimeOffset ExpirationTime { get; init; }

    /// <summary>The decoded text, or null when the stored text is not valid for the client's encoding.</summary>
    public required string? Text { get; init; }

    /// <summary>The text exactly as stored in the queue.</summary>
    public required string RawText { get; init; }
}
