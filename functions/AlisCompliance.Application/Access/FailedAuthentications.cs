using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AlisCompliance.Application.Access;

/// <summary>
/// The rate of refused credentials: a count per minute (UTC), function and reason. The first failure of a minute and
/// every tenth power after it are logged as they happen, so a burst shows at once without a line per request; a
/// minute's final count is logged with the next failure after it. Function names and reasons only: never a key, a
/// token or a name.
/// </summary>
public sealed partial class FailedAuthentications(IClock clock, ILogger<FailedAuthentications> logger)
{
    private readonly ConcurrentDictionary<(long Minute, string Function, AuthenticationFailure Reason), int> counts = new();

    public void Record(string functionName, AuthenticationFailure reason)
    {
        var minute = clock.GetCurrentInstant().ToUnixTimeSeconds() / 60;
        var count = counts.AddOrUpdate((minute, functionName, reason), 1, (_, previous) => previous + 1);
        if (IsPowerOfTen(count))
        {
            LogFailures(logger, functionName, reason, count, Instant.FromUnixTimeSeconds(minute * 60));
        }

        foreach (var past in counts.Keys.Where(key => key.Minute < minute))
        {
            if (counts.TryRemove(past, out var total))
            {
                LogMinute(logger, past.Function, past.Reason, total, Instant.FromUnixTimeSeconds(past.Minute * 60));
            }
        }
    }

    /// <summary>The failures counted so far in the current minute for one function and reason.</summary>
    public int InCurrentMinute(string functionName, AuthenticationFailure reason) =>
        counts.TryGetValue((clock.GetCurrentInstant().ToUnixTimeSeconds() / 60, functionName, reason), out var count) ? count : 0;

    private static bool IsPowerOfTen(int count)
    {
        while (count % 10 == 0)
        {
            count /= 10;
        }

        return count == 1;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Failed authentications for {Function}: {Reason}, {Count} in the minute from {Minute}")]
    private static partial void LogFailures(ILogger logger, string function, AuthenticationFailure reason, int count, Instant minute);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Failed authentications for {Function}: {Reason}, {Count} in all in the minute from {Minute}")]
    private static partial void LogMinute(ILogger logger, string function, AuthenticationFailure reason, int count, Instant minute);
}
