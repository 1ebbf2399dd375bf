using AlisCompliance.Application.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The queue-triggered functions on the WebJobs SDK's own queue listener: a throw leaves the message for another try after
/// host.json's visibility timeout, and after <c>maxDequeueCount</c> tries the listener moves it to <c>&lt;queue&gt;-poison</c>.
/// Public because the WebJobs indexer binds public methods of public types.
/// </summary>
public sealed class ServeQueueFunctions
{
    private readonly ServeHandlers handlers;
    private readonly int maxDequeueCount;
    private readonly ILogger<ServeQueueFunctions> logger;

    public ServeQueueFunctions(ServeHandlers handlers, IOptions<QueuesOptions> queues, ILogger<ServeQueueFunctions> logger)
    {
        this.handlers = handlers;
        maxDequeueCount = queues.Value.MaxDequeueCount;
        this.logger = logger;
    }

    [FunctionName(FunctionBindings.EvaluateAlis)]
    public Task EvaluateAlisAsync([QueueTrigger(FunctionBindings.AlisChangedQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        AttemptAsync(FunctionBindings.EvaluateAlis, FunctionBindings.AlisChangedQueue, message, dequeueCount, () => handlers.EvaluateAlis(message, cancellationToken));

    [FunctionName(FunctionBindings.DeliverAlert)]
    public Task DeliverAlertAsync([QueueTrigger(FunctionBindings.LeaderAlertsQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        AttemptAsync(FunctionBindings.DeliverAlert, FunctionBindings.LeaderAlertsQueue, message, dequeueCount, () => handlers.DeliverAlert(message, cancellationToken));

    private Task AttemptAsync(string functionName, string queueName, string message, long dequeueCount, Func<Task> attempt) =>
        QueueAttempt.RunAsync(functionName, queueName, message, dequeueCount, maxDequeueCount, logger, attempt);
}
