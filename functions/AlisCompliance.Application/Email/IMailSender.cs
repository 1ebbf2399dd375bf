using MimeKit;

namespace AlisCompliance.Application.Email;

/// <summary>Hands a finished message to the mail server. The SMTP adapter implements it; tests inject faults through it.</summary>
public interface IMailSender
{
    /// <summary>Sends the message; throws <see cref="MailRejectedException"/> when the server refuses a recipient for good.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
