using AlisCompliance.Application.Queues;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Application.Tests.UseCases;

[Collection(AzuriteApplication.Name)]
public sealed class EvaluateAlisTests(AzuriteFixture azurite)
{
    private static string Message(string alisId) => new AlisChangedMessage("3417", alisId, "b1").ToJson();

    [Fact]
    public async Task An_evaluation_stores_the_findings_and_queues_one_alert_per_new_finding()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();

        await service.Evaluate.RunAsync(Message("alis-02"), CancellationToken.None);

        var findings = await service.Findings.ListAsync("3417", "alis-02");
        findings.Select(finding => $"{finding.RuleId} {SeverityNames.Code(finding.Severity)}").Should().BeEquivalentTo(
            "SUP-ANNUAL-42H violation", "SUP-MONTHLY-AVG warning", "GRP-GATHERINGS info");
        var messages = await service.TakeAlertMessagesAsync();
        messages.Select(message => message.AlisId).Should().AllBe("alis-02");
        var alerts = await service.Alerts.ListAsync("3417");
        alerts.Should().HaveCount(3).And.OnlyContain(alert => alert.Kind == FindingTransitionKind.New && alert.State == AlertState.Pending);
        messages.Select(message => message.AlertId).Should().BeEquivalentTo(alerts.Select(alert => alert.Id));
        (await service.Findings.ListOutboxAsync("3417", "alis-02")).Should().BeEmpty("every alert left the outbox once its message was sent");
    }

    [Fact]
    public async Task A_redelivered_message_changes_nothing_and_alerts_nothing()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        await service.Evaluate.RunAsync(Message("alis-02"), CancellationToken.None);
        var first = await service.TakeAlertMessagesAsync();

        service.Clock.Advance(Duration.FromMinutes(5));
        await service.Evaluate.RunAsync(Message("alis-02"), CancellationToken.None);

        first.Should().HaveCount(3);
        (await service.TakeAlertMessagesAsync()).Should().BeEmpty();
        (await service.Alerts.ListAsync("3417")).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_fixed_problem_raises_exactly_one_resolved_alert()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        await service.IngestSampleAsync();
        await service.Evaluate.RunAsync(Message("alis-09"), CancellationToken.None);
        var before = await service.Findings.ListAsync("3417", "alis-09");
        await service.TakeAlertMessagesAsync();

        await service.IngestSampleAsync(SampleEdits.CloseAlis09VeilederGap);
        service.Clock.Advance(Duration.FromHours(1));
        await service.Evaluate.RunAsync(Message("alis-09"), CancellationToken.None);

        before.Select(finding => finding.RuleId).Should().Contain("VEI-ONE-AT-A-TIME");
        var resolved = (await service.Alerts.ListAsync("3417")).Where(alert => alert.Kind == FindingTransitionKind.Resolved).ToList();
        resolved.Should().ContainSingle().Which.RuleId.Should().Be("VEI-ONE-AT-A-TIME");
        (await service.TakeAlertMessagesAsync()).Should().ContainSingle().Which.AlertId.Should().Be(resolved[0].Id);
    }

    [Fact]
    public async Task An_ALIS_that_is_not_stored_has_no_findings_and_no_alerts()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        await service.Evaluate.RunAsync(Message("alis-99"), CancellationToken.None);

        (await service.Findings.ListAsync("3417", "alis-99")).Should().BeEmpty();
        (await service.TakeAlertMessagesAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"municipalityId\":\"3417\"}")]
    public async Task An_unreadable_message_throws_so_the_queue_poisons_it(string text)
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);

        var evaluate = () => service.Evaluate.RunAsync(text, CancellationToken.None);

        await evaluate.Should().ThrowAsync<UnreadableMessageException>();
    }
}
