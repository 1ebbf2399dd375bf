using AlisCompliance.Application.Evaluation;
using AlisCompliance.Application.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Functions.Functions;

/// <summary>Evaluates one ALIS from an <c>alis-changed</c> message. A throw makes the host retry it, and poison it after the last try.</summary>
public sealed class EvaluateAlisFunction(EvaluateAlis evaluateAlis, ILogger<EvaluateAlisFunction> logger)
{
    [Function(FunctionBindings.EvaluateAlis)]
    public Task RunAsync([QueueTrigger(FunctionBindings.AlisChangedQueue)] string message, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return QueueAttempt.RunAsync(
            FunctionBindings.EvaluateAlis,
            FunctionBindings.AlisChangedQueue,
            message,
            DequeueCount.Of(context),
            QueueAttempt.MaxDequeueCount,
            logger,
            () => evaluateAlis.RunAsync(message, cancellationToken));
    }
}
