namespace AlisCompliance.Application.Alerts;

/// <summary>Another instance holds the alert's claim: thrown so the queue tries the message again later.</summary>
public sealed class AlertBusyException : Exception
{
    public AlertBusyException()
    {
    }

    public AlertBusyException(string message)
        : base(message)
    {
    }

    public AlertBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
