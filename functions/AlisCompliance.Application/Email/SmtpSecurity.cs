namespace AlisCompliance.Application.Email;

/// <summary>How the connection to the mail server is secured; the names are what configuration says.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or in tests.</summary>
    None,

    /// <summary>STARTTLS, and refuse a server that does not offer it.</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
