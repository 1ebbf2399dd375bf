using Azure.Storage.Queues;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>alis-changed</c> queue: one message per ALIS to (re-)evaluate. A message is Base64 of UTF-8 JSON (the queue
/// client's <see cref="QueueMessageEncoding.Base64"/>), which is what the Functions queue trigger decodes and binds.
/// </summary>
public sealed class AlisChangedMessages(ComplianceStorage storage)
{
    private readonly QueueClient queue = (storage ?? throw new ArgumentNullException(nameof(storage))).AlisChanged;

    public async Task SendAsync(AlisChangedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken);
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
