using System.Collections.Concurrent;
using AlisCompliance.Application.Email;
using MimeKit;

namespace AlisCompliance.Application.Tests.UseCases;

/// <summary>
/// Stands in for the SMTP adapter in use-case tests (the adapter itself is tested against a real SMTP server): keeps
/// what it is given, or fails the way the next test needs.
/// </summary>
internal sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentQueue<MimeMessage> sent = new();

    public IReadOnlyList<MimeMessage> Sent => [.. sent];

    /// <summary>Thrown instead of sending, once, when set.</summary>
    public Exception? FailNext { get; set; }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
