using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Serve;

/// <summary>serve's own log entries (paths and ids only: a path names a municipality id at most).</summary>
internal static partial class ServeLog
{
    [LoggerMessage(EventId = 9105, Level = LogLevel.Error, Message = "Request to {Path} failed; error id {ErrorId}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string path, string errorId);
}
