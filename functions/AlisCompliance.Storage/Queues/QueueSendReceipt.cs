namespace AlisCompliance.Storage.Queues;

/// <summary>What the service says about a message it accepted.</summary>
/// <param name="MessageId">The new message's id.</param>
/// <param name="PopReceipt">A receipt that can delete or update the message before anyone receives it.</param>
/// <param name="InsertionTime">When it was put on the queue.</param>
/// <param name="ExpirationTime">When it expires.</param>
/// <param name="NextVisibleOn">When it becomes visible to receivers.</param>
public sealed record QueueSendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, DateTimeOffset NextVisibleOn);
