namespace AlisCompliance.Application.Queues;

/// <summary>
/// A queue message that is not what its queue carries. Thrown so the host retries it and finally moves it to the poison
/// queue, where an operator can see it (<c>alis poison list</c>); the message text is never put in the exception.
/// </summary>
public sealed class UnreadableMessageException : Exception
{
    public UnreadableMessageException()
    {
    }

    public UnreadableMessageException(string message)
        : base(message)
    {
    }

    public UnreadableMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
