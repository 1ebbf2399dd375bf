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

    /// <summary>
    /// The storage failure behind an exception from a storage call: a <see cref="RequestFailedException"/> itself, or the
    /// last try's when the SDK's retry policy gave up on network errors (it then throws an <see cref="AggregateException"/>
    /// holding one per try). Null for any other exception.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <param name="attempts">How many tries the SDK made: the aggregate's count, else 1.</param>
    /// <returns>The failure, or null.</returns>
    public static RequestFailedException? AsStorageFailure(this Exception exception, out int attempts)
    {
        ArgumentNullException.ThrowIfNull(exception);
        attempts = 1;
        switch (exception)
        {
            case RequestFailedException failure:
                return failure;
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => inner is RequestFailedException):
                attempts = aggregate.InnerExceptions.Count;
                return (RequestFailedException)aggregate.InnerExceptions[^1];
            default:
                return null;
        }
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
