using System.Net.Sockets;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Tests.Email;

/// <summary>The SMTP adapter against a real SMTP server on loopback.</summary>
public sealed class SmtpMailSenderTests
{
    [Fact]
    public async Task An_alert_email_arrives_with_its_recipient_subject_both_parts_and_message_id()
    {
        await using var server = new LoopbackSmtpServer();
        var message = AlertEmailComposer.Compose(MailFixtures.Alert(deadline: new LocalDate(2026, 12, 31)), MailFixtures.From);

        await Sender(server.Port).SendAsync(message, CancellationToken.None);

        var received = server.Received.Should().ContainSingle().Subject;
        received.Recipients.Should().Equal("lise.leder@asnes.example.no");
        var mail = received.Message;
        mail.Subject.Should().Be("Brudd: veiledning under 42 timer — alis-02");
        mail.MessageId.Should().Be(MessageIds.ForAlert("3417|alis-02|SUP-ANNUAL-42H|2026-12-01"));
        mail.Body!.ContentType.MimeType.Should().Be("multipart/alternative");
        mail.TextBody.Should().Contain("Hva du kan gjøre").And.Contain("Frist: 31.12.2026");
        mail.HtmlBody.Should().Contain("Kari &lt;Nordmann&gt; &amp; Co").And.Contain("Åsnes kommune");
    }

    [Fact]
    public async Task A_digest_arrives_with_its_charts_as_png_parts_referenced_by_cid()
    {
        await using var server = new LoopbackSmtpServer();
        var digest = Digest.DigestFixtures.Model();
        var message = Application.Digest.DigestEmailComposer.Compose(digest, MailFixtures.From, Digest.DigestFixtures.Leader, MailFixtures.StatusPage);

        await Sender(server.Port).SendAsync(message, CancellationToken.None);

        var mail = server.Received.Should().ContainSingle().Subject.Message;
        mail.MessageId.Should().Be(message.MessageId);
        mail.TextBody.Should().Contain("Veiledning");
        var images = mail.BodyParts.OfType<MimePart>().Where(part => part.ContentType.MimeType == "image/png").ToList();
        images.Should().HaveCount(digest.Alis.Count);
        foreach (var image in images)
        {
            mail.HtmlBody.Should().Contain($"src=\"cid:{image.ContentId}\"");
            using var bytes = new MemoryStream();
            await image.Content!.DecodeToAsync(bytes);
            bytes.ToArray().AsSpan(0, 8).ToArray().Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        }
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_a_rejection_with_the_reply_code_and_no_address()
    {
        await using var server = new LoopbackSmtpServer();
        var message = AlertEmailComposer.Compose(MailFixtures.Alert() with
        {
            Recipient = new EmailRecipient("leder-9", "Ukjent", "unknown.leader@asnes.example.no"),
        }, MailFixtures.From);

        var send = () => Sender(server.Port).SendAsync(message, CancellationToken.None);

        var rejection = (await send.Should().ThrowAsync<MailRejectedException>()).Which;
        rejection.ReplyCode.Should().Be(550);
        rejection.Message.Should().NotContain("unknown.leader");
        rejection.InnerException.Should().BeNull();
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_connection_is_thrown_as_it_is_so_the_queue_retries()
    {
        var message = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);

        var send = () => Sender(LoopbackSmtpServer.FreePort()).SendAsync(message, CancellationToken.None);

        (await send.Should().ThrowAsync<Exception>()).Which.Should().BeAssignableTo<SocketException>()
            .And.NotBeOfType<MailRejectedException>();
    }

    [Fact]
    public void Options_bind_from_the_Smtp_section_and_register_the_sender()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Smtp:Host"] = "smtp.example.no",
            ["Smtp:Port"] = "465",
            ["Smtp:Security"] = "SslOnConnect",
            ["Smtp:UserName"] = "alis",
            ["Smtp:Password"] = "secret",
            ["Smtp:FromAddress"] = "alis@example.no",
            ["Smtp:FromName"] = "ALIS-kontroll Åsnes",
            ["Smtp:Timeout"] = "00:00:12",
        }).Build();
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>)).AddSmtpMailSender(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        options.Should().BeEquivalentTo(new
        {
            Host = "smtp.example.no",
            Port = 465,
            Security = SmtpSecurity.SslOnConnect,
            UserName = "alis",
            FromAddress = "alis@example.no",
            Timeout = TimeSpan.FromSeconds(12),
        });
        options.From.ToString().Should().Contain("alis@example.no");
        services.GetRequiredService<IMailSender>().Should().BeOfType<SmtpMailSender>();
    }

    [Fact]
    public void A_missing_sender_address_fails_validation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Smtp:Host"] = "smtp.example.no",
        }).Build();
        var services = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>)).AddSmtpMailSender(configuration).BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage("*FromAddress*");
    }

    private static SmtpMailSender Sender(int port) => new(
        Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Security = SmtpSecurity.None,
            FromAddress = "alis@asnes.example.no",
            Timeout = TimeSpan.FromSeconds(10),
        }),
        NullLogger<SmtpMailSender>.Instance);
}
