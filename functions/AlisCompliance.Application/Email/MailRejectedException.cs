namespace AlisCompliance.Application.Email;

/// <summary>The mail server refused the message for good (e.g. an unknown recipient): retrying will not help.</summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException()
    {
    }

    public MailRejectedException(string message)
        : base(message)
    {
    }

    public MailRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The server's reply code (e.g. 550), for the log and the alert's last error.</summary>
    public int? ReplyCode { get; init; }
}
