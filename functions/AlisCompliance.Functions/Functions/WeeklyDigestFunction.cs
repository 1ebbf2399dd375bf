using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Functions.Functions;

/// <summary>Sends the week's digests that are due (the use case decides in Oslo time).</summary>
public sealed partial class WeeklyDigestFunction(WeeklyDigest weeklyDigest, ILogger<WeeklyDigestFunction> logger)
{
    [Function(FunctionBindings.WeeklyDigest)]
    public async Task RunAsync([TimerTrigger(FunctionBindings.WeeklyDigestSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var count = await weeklyDigest.RunAsync(cancellationToken);
        LogDone(logger, count, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeeklyDigest: sent {Count} digests (past due: {PastDue}).")]
    private static partial void LogDone(ILogger logger, int count, bool pastDue);
}
