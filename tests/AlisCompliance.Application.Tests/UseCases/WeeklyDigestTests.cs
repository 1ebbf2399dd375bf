using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Tests.UseCases;

[Collection(AzuriteApplication.Name)]
public sealed class WeeklyDigestTests(AzuriteFixture azurite)
{
    // Monday 30.11.2026: 07:00 in Oslo is 06:00 UTC.
    private static readonly Instant MondayBeforeSeven = Instant.FromUtc(2026, 11, 30, 5, 5);
    private static readonly Instant MondayAfterSeven = Instant.FromUtc(2026, 11, 30, 6, 5);

    private static async Task<ServiceUnderTest> EvaluatedSampleAsync(AzuriteFixture azurite, Instant now)
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        await service.Evaluate.RunAsync(new AlisChangedMessage("3417", "alis-02", "b1").ToJson(), CancellationToken.None);
        service.Clock.Reset(now);
        return service;
    }

    [Fact]
    public async Task Monday_at_seven_each_leader_gets_the_week_s_digest_once_however_often_the_timer_fires()
    {
        var service = await EvaluatedSampleAsync(azurite, MondayAfterSeven);

        var first = await service.Digest.RunAsync(CancellationToken.None);
        service.Clock.Advance(Duration.FromHours(1));
        var second = await service.Digest.RunAsync(CancellationToken.None);

        first.Should().Be(1);
        second.Should().Be(0);
        service.Mail.Sent.Should().HaveCount(2, "Åsnes has two leaders");
        service.Mail.Sent.SelectMany(mail => mail.To.Mailboxes).Select(mailbox => mailbox.Address)
            .Should().BeEquivalentTo("siri.nordby@example.no", "geir.ove.haugli@example.no");
        var digest = service.Mail.Sent[0];
        digest.Subject.Should().Contain("uke 49");
        digest.HtmlBody.Should().Contain("alis-02");
        digest.BodyParts.OfType<MimePart>().Should().Contain(part => part.ContentType.MimeType == "image/png");
        (await service.Digests.GetSentAtAsync("3417", new LocalDate(2026, 11, 30))).Should().Be(MondayAfterSeven);
    }

    [Fact]
    public async Task Before_seven_on_Monday_the_previous_week_is_still_the_one_due()
    {
        var service = await EvaluatedSampleAsync(azurite, MondayBeforeSeven);

        await service.Digest.RunAsync(CancellationToken.None);

        (await service.Digests.GetSentAtAsync("3417", new LocalDate(2026, 11, 23))).Should().Be(MondayBeforeSeven, "last week's digest was never sent: caught up");
        (await service.Digests.GetSentAtAsync("3417", new LocalDate(2026, 11, 30))).Should().BeNull();
    }

    [Fact]
    public async Task A_failed_send_releases_the_week_so_the_next_run_sends_it()
    {
        var service = await EvaluatedSampleAsync(azurite, MondayAfterSeven);
        service.Mail.FailNext = new IOException("connection refused");

        var failed = await service.Digest.RunAsync(CancellationToken.None);
        service.Clock.Advance(Duration.FromHours(1));
        var retried = await service.Digest.RunAsync(CancellationToken.None);

        failed.Should().Be(0);
        retried.Should().Be(1);
        service.Mail.Sent.Should().HaveCount(2);
    }
}
