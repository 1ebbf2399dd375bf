using AlisCompliance.Application.Sweep;
using AlisCompliance.Application.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Functions.Functions;

/// <summary>Queues every ALIS for evaluation, nightly.</summary>
public sealed partial class NightlySweepFunction(NightlySweep nightlySweep, ILogger<NightlySweepFunction> logger)
{
    [Function(FunctionBindings.NightlySweep)]
    public async Task RunAsync([TimerTrigger(FunctionBindings.NightlySweepSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var count = await nightlySweep.RunAsync(cancellationToken);
        LogDone(logger, count, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NightlySweep: queued {Count} ALIS for evaluation (past due: {PastDue}).")]
    private static partial void LogDone(ILogger logger, int count, bool pastDue);
}
