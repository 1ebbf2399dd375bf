using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Functions.Functions;

/// <summary>Sends one leader alert from a <c>leader-alerts</c> message. A throw makes the host retry it, and poison it after the last try.</summary>
public sealed class DeliverAlertFunction(DeliverAlert deliverAlert, ILogger<DeliverAlertFunction> logger)
{
    [Function(FunctionBindings.DeliverAlert)]
    public Task RunAsync([QueueTrigger(FunctionBindings.LeaderAlertsQueue)] string message, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return QueueAttempt.RunAsync(
            FunctionBindings.DeliverAlert,
            FunctionBindings.LeaderAlertsQueue,
            message,
            DequeueCount.Of(context),
            QueueAttempt.MaxDequeueCount,
            logger,
            () => deliverAlert.RunAsync(message, cancellationToken));
    }
}
