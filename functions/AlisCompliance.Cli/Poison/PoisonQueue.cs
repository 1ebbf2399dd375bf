using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace AlisCompliance.Cli.Poison;

/// <summary>
/// A function queue's <c>&lt;queue&gt;-poison</c>, where the queue listener puts a message after its last failed try.
/// Listing peeks (it changes nothing); retrying sends each chosen message back to the function queue as it was and then
/// deletes it from the poison queue. Messages are read and written as their raw text (<paramref name="rawService"/> has no
/// message encoding): a Base64 message goes back unchanged, and one that is not Base64, which the listener poisons
/// without a call, is listed and moved like the others instead of failing the whole command.
/// </summary>
internal sealed class PoisonQueue(QueueServiceClient rawService, string queueName)
{
    /// <summary>The most messages one peek returns (the service's limit).</summary>
    public const int MaxPeek = 32;

    private static readonly TimeSpan SearchVisibility = TimeSpan.FromSeconds(30);

    private readonly QueueClient queue = rawService.GetQueueClient(queueName);
    private readonly QueueClient poison = rawService.GetQueueClient(StorageQueues.PoisonQueueName(queueName));

    public string Name => queueName;

    public string PoisonName => poison.Name;

    /// <summary>The first <see cref="MaxPeek"/> poison messages, and the approximate number there are.</summary>
    public async Task<(IReadOnlyList<PoisonMessage> Messages, int ApproximateCount)> PeekAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            var peeked = (await poison.PeekMessagesAsync(MaxPeek, cancellationToken)).Value;
            return ([.. peeked.Select(m => new PoisonMessage(poison.Name, m.MessageId, m.InsertedOn, m.DequeueCount, QueueMessageIds.Parse(StorageQueues.DecodeBase64OrRaw(m.MessageText))))], count);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return ([], 0); // No message was ever poisoned.
        }
    }

    /// <summary>
    /// Moves the poison messages back to the function queue: all of them, or the one with <paramref name="messageId"/>.
    /// Messages looked at but not chosen are made visible again at once.
    /// </summary>
    /// <returns>The messages moved.</returns>
    public async Task<IReadOnlyList<PoisonMessage>> RetryAsync(string? messageId, CancellationToken cancellationToken)
    {
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return [];
        }

        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var moved = new List<PoisonMessage>();
        var passedOver = new List<QueueMessage>();
        try
        {
            while (true)
            {
                var batch = (await poison.ReceiveMessagesAsync(MaxPeek, SearchVisibility, cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (messageId is not null && !string.Equals(message.MessageId, messageId, StringComparison.Ordinal))
                    {
                        passedOver.Add(message);
                        continue;
                    }

                    await queue.SendMessageAsync(message.MessageText, cancellationToken: cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    moved.Add(new PoisonMessage(poison.Name, message.MessageId, message.InsertedOn, message.DequeueCount, QueueMessageIds.Parse(StorageQueues.DecodeBase64OrRaw(message.MessageText))));
                }

                if (messageId is not null && moved.Count > 0)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var message in passedOver)
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
        }

        return moved;
    }
}
