using AlisCompliance.Application.Hosting;

namespace AlisCompliance.Cli.Serve;

/// <summary>What starts a function: an HTTP request, a queue message or a timer.</summary>
internal enum ServeTrigger
{
    Http,
    Queue,
    Timer,
}

/// <summary>
/// One function's binding as serve hosts it, in the terms of the Functions host's functions.metadata: the queue for a queue
/// trigger, the NCRONTAB schedule for a timer, the route (without the "api/" prefix) and method for HTTP.
/// </summary>
internal sealed record ServeBinding(string FunctionName, ServeTrigger Trigger, string? Queue = null, string? Schedule = null, string? Route = null, string? Method = null);

/// <summary>
/// The functions serve hosts. Tests keep this list equal to the attributes of <see cref="ServeQueueFunctions"/> and
/// <see cref="ServeTimerFunctions"/>, to serve's Kestrel endpoints, and to the Azure worker's generated functions.metadata.
/// </summary>
internal static class ServeBindings
{
    public static IReadOnlyList<ServeBinding> All { get; } =
    [
        new(FunctionBindings.IngestRecords, ServeTrigger.Http, Route: FunctionBindings.IngestRoute, Method: "POST"),
        new(FunctionBindings.EvaluateAlis, ServeTrigger.Queue, Queue: FunctionBindings.AlisChangedQueue),
        new(FunctionBindings.DeliverAlert, ServeTrigger.Queue, Queue: FunctionBindings.LeaderAlertsQueue),
        new(FunctionBindings.NightlySweep, ServeTrigger.Timer, Schedule: FunctionBindings.NightlySweepSchedule),
        new(FunctionBindings.WeeklyDigest, ServeTrigger.Timer, Schedule: FunctionBindings.WeeklyDigestSchedule),
        new(FunctionBindings.ComplianceStatus, ServeTrigger.Http, Route: FunctionBindings.StatusRoute, Method: "GET"),
        new(FunctionBindings.ServiceHealth, ServeTrigger.Http, Route: FunctionBindings.HealthRoute, Method: "GET"),
        new(FunctionBindings.AuditQuery, ServeTrigger.Http, Route: FunctionBindings.AuditRoute, Method: "GET"),
        new(FunctionBindings.PublishRules, ServeTrigger.Http, Route: FunctionBindings.PublishRulesRoute, Method: "POST"),
    ];

    /// <summary>The queues the queue-triggered functions listen on.</summary>
    public static IReadOnlyList<string> Queues { get; } = [.. All.Where(b => b.Trigger == ServeTrigger.Queue).Select(b => b.Queue!)];
}
