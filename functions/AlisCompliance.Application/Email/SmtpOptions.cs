using MimeKit;

namespace AlisCompliance.Application.Email;

/// <summary>The mail server and sender, bound from the configuration section <c>Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Leave empty for a server that takes mail without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "ALIS-kontroll";

    /// <summary>For each network operation (connect, each command), not the whole send.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public MailboxAddress From => new(FromName, FromAddress);
}
