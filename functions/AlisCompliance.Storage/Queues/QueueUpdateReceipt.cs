namespace AlisCompliance.Storage.Queues;

/// <summary>The result of updating a message: the old pop receipt no longer works, use this one.</summary>
/// <param name="PopReceipt">The message's new pop receipt.</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record QueueUpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
