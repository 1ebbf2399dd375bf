using AlisCompliance.Application.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The timer-triggered functions, on the schedules the Azure worker uses (UTC). <c>UseMonitor = false</c>: serve keeps no
/// schedule status between runs, so a missed occurrence is not caught up on start (the next one runs as usual).
/// </summary>
public sealed partial class ServeTimerFunctions
{
    private readonly ServeHandlers handlers;
    private readonly ILogger<ServeTimerFunctions> logger;

    public ServeTimerFunctions(ServeHandlers handlers, ILogger<ServeTimerFunctions> logger)
    {
        this.handlers = handlers;
        this.logger = logger;
    }

    [FunctionName(FunctionBindings.NightlySweep)]
    public async Task NightlySweepAsync([TimerTrigger(FunctionBindings.NightlySweepSchedule, UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var count = await handlers.NightlySweep(cancellationToken);
        LogDone(logger, FunctionBindings.NightlySweep, count);
    }

    [FunctionName(FunctionBindings.WeeklyDigest)]
    public async Task WeeklyDigestAsync([TimerTrigger(FunctionBindings.WeeklyDigestSchedule, UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var count = await handlers.WeeklyDigest(cancellationToken);
        LogDone(logger, FunctionBindings.WeeklyDigest, count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} done: {Count}.")]
    private static partial void LogDone(ILogger logger, string function, int count);
}
