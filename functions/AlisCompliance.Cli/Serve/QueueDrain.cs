using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// <c>alis serve --drain</c>: stops serve once the function queues have stayed empty for a quiet period. A queue's approximate
/// message count includes messages being processed (they are only invisible until the function succeeds and the
/// listener deletes them), and a function that enqueues more does so before its own message is deleted, so a count of
/// zero on every queue means nothing is left to do. Messages in the poison queues do not count.
/// </summary>
internal sealed partial class QueueDrain(
    QueueServiceClient queues,
    IReadOnlyList<string> queueNames,
    TimeSpan quietPeriod,
    IHostApplicationLifetime lifetime,
    ILogger<QueueDrain> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string queueList = string.Join(", ", queueNames);

    /// <summary>Set when the queues were found empty and serve was asked to stop.</summary>
    public bool Drained { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The quiet period is counted in polls of the (monotonic) periodic timer, so no wall clock is read.
        var quietPollsNeeded = Math.Max(1, (int)Math.Ceiling(quietPeriod / PollInterval));
        var quietPolls = 0;
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var waiting = 0;
            foreach (var name in queueNames)
            {
                waiting += await ApproximateCountAsync(queues.GetQueueClient(name), stoppingToken);
            }

            if (waiting > 0)
            {
                quietPolls = 0;
                continue;
            }

            if (++quietPolls >= quietPollsNeeded)
            {
                LogDrained(logger, queueList);
                Drained = true;
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static async Task<int> ApproximateCountAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return 0; // Not created yet: nothing was ever sent to it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained: {Queues} empty; stopping.")]
    private static partial void LogDrained(ILogger logger, string queues);
}
