using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AlisCompliance.Application.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per message. A permanent refusal of the message or its
/// recipient (a 5xx reply) becomes <see cref="MailRejectedException"/>; everything else (4xx, refused connection,
/// timeout) is thrown as it is, because the queue retries it. Logs carry the Message-ID and reply code, never an address.
/// </summary>
public sealed partial class SmtpMailSender : IMailSender
{
    private readonly SmtpOptions _options;
    private readonly ILogger<SmtpMailSender> _logger;

    public SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient();
        client.Timeout = (int)Math.Clamp(_options.Timeout.TotalMilliseconds, 1, int.MaxValue);
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(_options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            LogSent(_logger, message.MessageId);
        }
        catch (SmtpCommandException exception) when (IsPermanentRefusal(exception))
        {
            var code = (int)exception.StatusCode;
            LogRejected(_logger, message.MessageId, code, exception.ErrorCode);

            // The server's own text often repeats the refused address, so neither it nor the MailKit exception (which
            // carries the mailbox) travels on: callers log this exception and store its message with the alert.
#pragma warning disable MA0054 // the inner exception holds the recipient's address: personal data
            throw new MailRejectedException($"Mail server refused the message for good: {code} ({exception.ErrorCode}).")
            {
                ReplyCode = code,
            };
#pragma warning restore MA0054
        }
        finally
        {
            if (client.IsConnected)
            {
                await DisconnectQuietlyAsync(client);
            }
        }
    }

    /// <summary>
    /// A 5xx reply to the recipient or the message. A 5xx to our sender address or to AUTH is our configuration's fault,
    /// not this message's: it is thrown as it is, so it ends in the poison queue and raises an operational alert.
    /// </summary>
    private static bool IsPermanentRefusal(SmtpCommandException exception) =>
        (int)exception.StatusCode is >= 500 and < 600
        && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static async Task DisconnectQuietlyAsync(SmtpClient client)
    {
        try
        {
            // QUIT is a courtesy: the message is already accepted or refused, so a failure here changes nothing.
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException)
        {
            // The connection is closed by disposal either way.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Mail {MessageId} accepted by the SMTP server")]
    private static partial void LogSent(ILogger logger, string? messageId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Mail {MessageId} refused for good: {ReplyCode} {ErrorCode}")]
    private static partial void LogRejected(ILogger logger, string? messageId, int replyCode, SmtpErrorCode errorCode);
}
