using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Storage.Tests.Repositories;

[Collection(AzuriteRepositories.Name)]
public sealed class FindingsAndAlertsTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 2, 0);

    [Fact]
    public async Task Saving_evaluations_stores_open_findings_and_reports_only_transitions()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var findings = new FindingsRepository(storage.Storage);

        var first = await findings.SaveEvaluationAsync("3417", "alis-02", [Finding("SUP-ANNUAL-42H", Severity.Warning), Finding("PLAN-REVIEW", Severity.Info)], "v1", Monday);
        var second = await findings.SaveEvaluationAsync("3417", "alis-02", [Finding("SUP-ANNUAL-42H", Severity.Violation, "ny tekst")], "v1", Monday + Duration.FromDays(1));
        var third = await findings.SaveEvaluationAsync("3417", "alis-02", [Finding("SUP-ANNUAL-42H", Severity.Violation, "enda en tekst")], "v1", Monday + Duration.FromDays(2));

        first.Transitions.Select(transition => transition.Kind).Should().Equal(FindingTransitionKind.New, FindingTransitionKind.New);
        second.Transitions.Select(transition => (transition.RuleId, transition.Kind)).Should().Equal(
            ("PLAN-REVIEW", FindingTransitionKind.Resolved), ("SUP-ANNUAL-42H", FindingTransitionKind.Escalated));
        third.Transitions.Should().BeEmpty("an unchanged finding raises no alert, whatever its message");
        var open = await findings.ListAsync("3417", "alis-02");
        open.Should().ContainSingle().Which.Should().Match<StoredFinding>(finding =>
            finding.Severity == Severity.Violation && finding.FirstSeen == Monday && finding.LastEvaluated == Monday + Duration.FromDays(2) && finding.Message == "enda en tekst");
        (await findings.ListOutboxAsync("3417", "alis-02")).Should().HaveCount(4);
    }

    [Fact]
    public async Task The_outbox_moves_each_alert_once_even_when_drained_twice()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var findings = new FindingsRepository(storage.Storage);
        var alerts = new AlertsRepository(storage.Storage);
        var saved = await findings.SaveEvaluationAsync("3417", "alis-02", [Finding("SUP-ANNUAL-42H", Severity.Warning)], "v1", Monday);
        (await alerts.AddAsync(saved.Alerts[0])).Should().BeTrue("a crash after this insert leaves the outbox row in place");

        var outbox = new AlertOutbox(findings, alerts, new LeaderAlertMessages(storage.Storage));
        var drained = await outbox.DrainAsync("3417", "alis-02");
        var again = await outbox.DrainAsync("3417", "alis-02");

        drained.Should().ContainSingle();
        again.Should().BeEmpty();
        var queued = (await storage.Storage.LeaderAlerts.ReceiveMessagesAsync(32)).Value;
        queued.Should().ContainSingle().Which.MessageText.Should().Be(new LeaderAlertMessage("3417", "alis-02", saved.Alerts[0].Id).ToJson());
        var stored = await alerts.ListAsync("3417");
        stored.Should().ContainSingle().Which.Should().Match<Alert>(alert =>
            alert.Kind == FindingTransitionKind.New && alert.After == Severity.Warning && alert.State == AlertState.Pending && alert.Id == saved.Alerts[0].Id);
    }

    [Fact]
    public async Task A_save_returns_the_alerts_an_earlier_evaluation_left_in_the_outbox_and_moving_them_twice_moves_each_once()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var findings = new FindingsRepository(storage.Storage);
        var alerts = new AlertsRepository(storage.Storage);
        var outbox = new AlertOutbox(findings, alerts, new LeaderAlertMessages(storage.Storage));
        var crashed = await findings.SaveEvaluationAsync("3417", "alis-04", [Finding("SUP-ANNUAL-42H", Severity.Warning)], "v1", Monday);

        var next = await findings.SaveEvaluationAsync("3417", "alis-04", [Finding("SUP-ANNUAL-42H", Severity.Warning), Finding("PLAN-REVIEW", Severity.Info)], "v1", Monday + Duration.FromDays(1));
        var moved = await outbox.MoveAsync(next.Outbox);
        var movedAgain = await outbox.MoveAsync(next.Outbox);

        next.Alerts.Should().ContainSingle().Which.RuleId.Should().Be("PLAN-REVIEW");
        next.Outbox.Select(alert => alert.Id).Should().BeEquivalentTo([crashed.Alerts[0].Id, next.Alerts[0].Id]);
        moved.Should().HaveCount(2);
        movedAgain.Should().HaveCount(2, "a repeated move finds the alerts stored and the outbox rows gone, and fails on neither");
        (await findings.ListOutboxAsync("3417", "alis-04")).Should().BeEmpty();
        (await alerts.ListAsync("3417")).Select(alert => alert.Id).Should().BeEquivalentTo(next.Outbox.Select(alert => alert.Id));
        (await findings.SaveEvaluationAsync("3417", "alis-04", [Finding("SUP-ANNUAL-42H", Severity.Warning), Finding("PLAN-REVIEW", Severity.Info)], "v1", Monday + Duration.FromDays(2)))
            .Outbox.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_concurrent_evaluations_of_the_same_alis_report_a_transition_once()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var findings = new FindingsRepository(storage.Storage);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(index =>
            findings.SaveEvaluationAsync("3417", "alis-03", [Finding("VEIL-QUALIFIED", Severity.Violation)], "v1", Monday + Duration.FromSeconds(index))));

        results.SelectMany(result => result.Transitions).Should().ContainSingle();
        (await findings.ListOutboxAsync("3417", "alis-03")).Should().ContainSingle();
    }

    [Fact]
    public async Task Delivery_is_claimed_by_one_sender_and_completed_once()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var alerts = new AlertsRepository(storage.Storage);
        var alert = new Alert("3417", "alis-02", "SUP-ANNUAL-42H", FindingTransitionKind.New, null, Severity.Warning, "melding", "§ 25", "e1", Monday);
        await alerts.AddAsync(alert);
        var stored = (await alerts.GetAsync("3417", alert.Id))!;

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => alerts.TryBeginDeliveryAsync(stored, Monday, Duration.FromMinutes(5))));
        var claimed = claims.Should().ContainSingle(claim => claim != null).Subject!;
        var delivered = await alerts.CompleteDeliveryAsync(claimed, Monday + Duration.FromSeconds(3));
        var reread = (await alerts.GetAsync("3417", alert.Id))!;

        delivered.Should().NotBeNull();
        reread.State.Should().Be(AlertState.Delivered);
        reread.Attempts.Should().Be(1);
        reread.DeliveredAt.Should().Be(Monday + Duration.FromSeconds(3));
        (await alerts.TryBeginDeliveryAsync(reread, Monday + Duration.FromDays(1), Duration.FromMinutes(5))).Should().BeNull("a delivered alert is never sent again");
        (await alerts.CompleteDeliveryAsync(claimed, Monday)).Should().BeNull("the stale claim's ETag no longer matches");
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_can_be_taken_over_and_a_failed_send_is_retried()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var alerts = new AlertsRepository(storage.Storage);
        var alert = new Alert("3417", "alis-02", "PLAN", FindingTransitionKind.Resolved, Severity.Info, null, null, null, "e1", Monday);
        await alerts.AddAsync(alert);
        var first = await alerts.TryBeginDeliveryAsync((await alerts.GetAsync("3417", alert.Id))!, Monday, Duration.FromMinutes(5));

        (await alerts.TryBeginDeliveryAsync(first!, Monday + Duration.FromMinutes(1), Duration.FromMinutes(5))).Should().BeNull();
        var second = await alerts.TryBeginDeliveryAsync(first!, Monday + Duration.FromMinutes(6), Duration.FromMinutes(5));
        var failed = await alerts.FailDeliveryAsync(second!, "SmtpTimeout");

        second!.Attempts.Should().Be(2);
        failed!.State.Should().Be(AlertState.Pending);
        (await alerts.GetAsync("3417", alert.Id))!.LastError.Should().Be("SmtpTimeout");
    }

    private static Finding Finding(string ruleId, Severity severity, string message = "melding") =>
        new("alis-02", "3417", ruleId, null, severity, message, "Spesialistforskriften § 25", ["leader"], new JsonObject { ["hours"] = 12.5 });
}
