using Microsoft.Extensions.Logging;

namespace AlisCompliance.Application.Hosting;

/// <summary>
/// Runs one try of a queue message, in the Azure worker and in serve alike. When the last try fails, the host moves the
/// message to <c>&lt;queue&gt;-poison</c>; this writes the operational log entry that says which function gave up on which
/// ALIS (ids only), then rethrows.
/// </summary>
public static partial class QueueAttempt
{
    /// <summary>host.json's <c>extensions.queues.maxDequeueCount</c> (a test keeps the two equal).</summary>
    public const int MaxDequeueCount = 5;

    public static async Task RunAsync(string functionName, string queueName, string message, long dequeueCount, int maxDequeueCount, ILogger logger, Func<Task> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            await attempt();
        }
        catch (Exception exception) when (dequeueCount >= maxDequeueCount)
        {
            var ids = QueueMessageIds.Parse(message);
            LogPoisoned(logger, exception, functionName, ids.AlisId, ids.MunicipalityId, dequeueCount, queueName + "-poison");
            throw;
        }
    }

    [LoggerMessage(
        EventId = 9001,
        Level = LogLevel.Error,
        Message = "{Function} gave up on ALIS {AlisId} (municipality {MunicipalityId}) after {DequeueCount} tries; the message goes to {PoisonQueue}.")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, string function, string alisId, string municipalityId, long dequeueCount, string poisonQueue);
}
