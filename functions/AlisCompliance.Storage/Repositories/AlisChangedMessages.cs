using AlisCompliance.Storage.Queues;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>alis-changed</c> queue: one message per ALIS to (re-)evaluate. Messages are base64-encoded JSON (the client's
/// default), which is what the Functions queue trigger expects.
/// </summary>
public sealed class AlisChangedMessages(ComplianceStorage storage)
{
    private readonly QueueClient queue = (storage ?? throw new ArgumentNullException(nameof(storage))).AlisChanged;

    public Task SendAsync(AlisChangedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return queue.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken);
    }

    /// <summary>Sends one message per ALIS, several at a time.</summary>
    public async Task<int> SendAllAsync(IReadOnlyList<AlisChangedMessage> messages, int maxConcurrency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = cancellationToken },
            async (message, token) => await SendAsync(message, token));
        return messages.Count;
    }
}
