using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;

namespace AlisCompliance.Cli.Poison;

/// <summary>A message in a poison queue, as <c>alis poison list</c> shows it: ids from the body, never the rest.</summary>
internal sealed record PoisonMessage(string Queue, string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, QueueMessageIds Ids);
