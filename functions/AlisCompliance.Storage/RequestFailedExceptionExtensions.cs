using Azure;

namespace AlisCompliance.Storage;

/// <summary>Questions callers ask of a <see cref="RequestFailedException"/> from the storage clients.</summary>
public static class RequestFailedExceptionExtensions
{
    /// <summary>
    /// True for an optimistic-concurrency conflict: 412 Precondition Failed (<c>UpdateConditionNotSatisfied</c>),
    /// i.e. the entity changed since its ETag was read. Re-read and try again.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for a 412.</returns>
    public static bool IsConflict(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 412;
    }

    /// <summary>True for 409 <c>EntityAlreadyExists</c>: an insert found an entity with the same keys.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True when the entity already exists.</returns>
    public static bool IsAlreadyExists(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 409 && string.Equals(exception.ErrorCode, StorageErrorCodes.EntityAlreadyExists, StringComparison.Ordinal);
    }

    /// <summary>True for 404 (table, entity, queue or message not found).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True for a 404.</returns>
    public static bool IsNotFound(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 404;
    }

    /// <summary>True when no HTTP answer came back at all (connection refused, DNS, timeout) after all retries.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True when the service could not be reached.</returns>
    public static bool IsServiceUnreachable(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 0;
    }
}
