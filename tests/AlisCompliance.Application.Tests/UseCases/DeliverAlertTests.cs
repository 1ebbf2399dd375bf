using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Email;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Application.Tests.UseCases;

[Collection(AzuriteApplication.Name)]
public sealed class DeliverAlertTests(AzuriteFixture azurite)
{
    private static async Task<(ServiceUnderTest Service, IReadOnlyList<LeaderAlertMessage> Messages)> EvaluatedSampleAsync(
        AzuriteFixture azurite, Func<string, string>? edit = null)
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync(edit);
        await service.Evaluate.RunAsync(new AlisChangedMessage("3417", "alis-02", "b1").ToJson(), CancellationToken.None);
        return (service, await service.TakeAlertMessagesAsync());
    }

    [Fact]
    public async Task Each_alert_is_emailed_to_the_ALIS_s_leader_once_even_when_its_message_comes_twice()
    {
        var (service, messages) = await EvaluatedSampleAsync(azurite);

        foreach (var message in messages.Concat(messages))
        {
            await service.Deliver.RunAsync(message.ToJson(), CancellationToken.None);
        }

        service.Mail.Sent.Should().HaveCount(3);
        service.Mail.Sent.Should().OnlyContain(mail => mail.To.Mailboxes.Single().Address == "siri.nordby@example.no");
        service.Mail.Sent.Select(mail => mail.MessageId).Should().OnlyHaveUniqueItems();
        (await service.Alerts.ListAsync("3417")).Should().OnlyContain(alert => alert.State == AlertState.Delivered);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_leaves_the_alert_for_the_next_try()
    {
        var (service, messages) = await EvaluatedSampleAsync(azurite);
        service.Mail.FailNext = new IOException("connection refused");

        var first = () => service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);
        await first.Should().ThrowAsync<IOException>();
        var afterFailure = await service.Alerts.GetAsync("3417", messages[0].AlertId);
        await service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);

        afterFailure!.State.Should().Be(AlertState.Pending);
        afterFailure.LastError.Should().Be(nameof(IOException));
        service.Mail.Sent.Should().ContainSingle();
        (await service.Alerts.GetAsync("3417", messages[0].AlertId))!.State.Should().Be(AlertState.Delivered);
    }

    [Fact]
    public async Task A_leader_without_an_address_makes_the_alert_undeliverable_without_retrying()
    {
        var (service, messages) = await EvaluatedSampleAsync(azurite, SampleEdits.WithoutLeaderEmails);

        await service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);
        await service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);

        service.Mail.Sent.Should().BeEmpty();
        var alert = await service.Alerts.GetAsync("3417", messages[0].AlertId);
        alert!.State.Should().Be(AlertState.Undeliverable);
        alert.LastError.Should().Be("no-address");
        var page = await service.Status.RespondAsync("3417", "html", CancellationToken.None);
        page.Body.Should().Contain("Varsler som ikke kom fram").And.Contain("Lederen har ingen e-postadresse registrert.");
        var json = await service.Status.RespondAsync("3417", "json", CancellationToken.None);
        using var document = System.Text.Json.JsonDocument.Parse(json.Body);
        document.RootElement.GetProperty("undeliveredAlerts").EnumerateArray().Select(entry => entry.GetProperty("alisId").GetString()).Should().Equal("alis-02");
    }

    [Fact]
    public async Task An_address_the_server_refuses_makes_the_alert_undeliverable()
    {
        var (service, messages) = await EvaluatedSampleAsync(azurite);
        service.Mail.FailNext = new MailRejectedException("550 no such user") { ReplyCode = 550 };

        await service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);

        var alert = await service.Alerts.GetAsync("3417", messages[0].AlertId);
        alert!.State.Should().Be(AlertState.Undeliverable);
        alert.LastError.Should().Be("rejected-550");
    }

    [Fact]
    public async Task A_sender_that_vanished_between_send_and_record_is_not_repeated()
    {
        var (service, messages) = await EvaluatedSampleAsync(azurite);
        var alert = await service.Alerts.GetAsync("3417", messages[0].AlertId);
        // What a crashed instance leaves behind: its claim, and no record of the outcome.
        await service.Alerts.TryBeginDeliveryAsync(alert!, service.Clock.GetCurrentInstant(), DeliverAlert.Lease);

        var whileClaimed = () => service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);
        await whileClaimed.Should().ThrowAsync<AlertBusyException>("the claim has not run out yet");
        service.Clock.Advance(DeliverAlert.Lease + Duration.FromSeconds(1));
        await service.Deliver.RunAsync(messages[0].ToJson(), CancellationToken.None);

        service.Mail.Sent.Should().BeEmpty();
        (await service.Alerts.GetAsync("3417", messages[0].AlertId))!.State.Should().Be(AlertState.Unconfirmed);
    }
}
