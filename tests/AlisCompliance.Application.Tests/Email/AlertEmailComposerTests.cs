using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MimeKit;
using NodaTime;

namespace AlisCompliance.Application.Tests.Email;

public sealed class AlertEmailComposerTests
{
    [Theory]
    [InlineData(FindingTransitionKind.New, null, Severity.Violation, "Brudd: veiledning under 42 timer — alis-02")]
    [InlineData(FindingTransitionKind.New, null, Severity.Warning, "Advarsel: veiledning under 42 timer — alis-02")]
    [InlineData(FindingTransitionKind.New, null, Severity.Info, "Til orientering: veiledning under 42 timer — alis-02")]
    [InlineData(FindingTransitionKind.Escalated, Severity.Warning, Severity.Violation, "Skjerpet til brudd: veiledning under 42 timer — alis-02")]
    [InlineData(FindingTransitionKind.DeEscalated, Severity.Violation, Severity.Warning, "Dempet til advarsel: veiledning under 42 timer — alis-02")]
    [InlineData(FindingTransitionKind.Resolved, Severity.Violation, null, "Løst: veiledning under 42 timer — alis-02")]
    public void The_subject_says_what_changed_for_which_alis(FindingTransitionKind kind, Severity? before, Severity? after, string subject)
    {
        var message = AlertEmailComposer.Compose(MailFixtures.Alert(kind, before, after), MailFixtures.From);

        message.Subject.Should().Be(subject);
    }

    [Fact]
    public void The_html_encodes_the_name_and_links_to_the_status_page()
    {
        var message = AlertEmailComposer.Compose(MailFixtures.Alert(deadline: new LocalDate(2026, 12, 31)), MailFixtures.From);

        var html = Parse(message.HtmlBody);
        html.QuerySelector(".alis")!.TextContent.Should().Be("Gjelder ALIS Kari <Nordmann> & Co (alis-02) i Åsnes kommune.");
        html.QuerySelectorAll("script").Should().BeEmpty();
        html.QuerySelectorAll("nordmann").Should().BeEmpty("a name is text, never markup");
        var link = html.QuerySelector<IHtmlAnchorElement>("a.status-page")!;
        link.Href.Should().Be(MailFixtures.StatusPage.AbsoluteUri);
        link.TextContent.Should().Be("Se status for alle ALIS i Åsnes kommune");
        html.QuerySelector(".deadline")!.TextContent.Should().Be("31.12.2026");
        html.QuerySelector(".what")!.TextContent.Should().Contain("30,5 timer");
        html.QuerySelector(".status")!.TextContent.Should().Be("Brudd");
        html.DocumentElement.GetAttribute("lang").Should().Be("nb");
    }

    [Fact]
    public void The_message_is_html_with_a_plain_text_alternative()
    {
        var message = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);

        var alternative = message.Body.Should().BeOfType<MultipartAlternative>().Subject;
        alternative.Select(part => part.ContentType.MimeType).Should().Equal("text/plain", "text/html");
        message.TextBody.Should().Contain("Kari <Nordmann> & Co").And.Contain("Hva er galt:").And.NotContain("&lt;");
        message.To.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("lise.leder@asnes.example.no");
        message.From.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("alis@asnes.example.no");
    }

    [Fact]
    public void The_message_id_is_the_same_for_a_resend_and_differs_between_alerts()
    {
        var first = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);
        var again = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);
        var other = AlertEmailComposer.Compose(MailFixtures.Alert() with { AlertId = "3417|alis-02|SUP-ANNUAL-42H|2026-12-02" }, MailFixtures.From);

        again.MessageId.Should().Be(first.MessageId);
        other.MessageId.Should().NotBe(first.MessageId);
        first.MessageId.Should().MatchRegex("^[0-9a-f]{64}@alis-compliance$");
        first.MessageId.Should().NotContain("alis-02");
    }

    [Fact]
    public void A_regulation_is_labelled_hjemmel_and_anything_else_grunnlag()
    {
        var regulation = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);
        var research = AlertEmailComposer.Compose(MailFixtures.Alert(legalReference: "Kvalitetssignal: KVALIS-studien (ALIS Vest 2021–2022); ikke et lovkrav"), MailFixtures.From);

        regulation.TextBody.Should().Contain("Hjemmel: Spesialistforskriften § 25");
        research.TextBody.Should().Contain("Grunnlag: Kvalitetssignal").And.NotContain("Hjemmel");
    }

    [Theory]
    [InlineData("Spesialistforskriften §§ 5, 23", "Hjemmel")]
    [InlineData("FOR-2016-12-08-1482 § 25", "Hjemmel")]
    [InlineData("Helsepersonelloven § 4", "Hjemmel")]
    [InlineData("Utdanningsplan Åsnes kommune: ALIS-avtale", "Grunnlag")]
    [InlineData("Anbefaling, kurshefte for veiledere: Felleskonsultasjon med supervisør", "Grunnlag")]
    [InlineData(null, "Grunnlag")]
    public void Legal_reference_labels(string? reference, string label) =>
        LegalReferenceLabel.For(reference).Should().Be(label);

    [Fact]
    public void Without_advice_from_the_rule_the_leader_gets_the_areas_default_and_a_resolved_alert_asks_nothing()
    {
        var open = AlertEmailComposer.Compose(MailFixtures.Alert(), MailFixtures.From);
        var given = AlertEmailComposer.Compose(MailFixtures.Alert(leaderAction: "Ring veileder i dag."), MailFixtures.From);
        var resolved = AlertEmailComposer.Compose(MailFixtures.Alert(FindingTransitionKind.Resolved, Severity.Violation, null, message: null), MailFixtures.From);

        open.TextBody.Should().Contain(RuleWordings.For("SUP-ANNUAL-42H").LeaderAction);
        given.TextBody.Should().Contain("Ring veileder i dag.");
        resolved.TextBody.Should().NotContain("Hva du kan gjøre").And.Contain("Regelen er oppfylt nå");
        Parse(resolved.HtmlBody).QuerySelector("h1")!.TextContent.Should().Be("Veiledning under 42 timer: løst (var brudd)");
    }

    [Theory]
    [InlineData("SUP-MINUTES", "referat fra veiledning mangler")]
    [InlineData("VEI-WORKPLACE", "veileder arbeider i en annen kommune")]
    [InlineData("VEI-SOMETHING-NEW", "veileder")]
    [InlineData("XYZ-1", "regel XYZ-1")]
    public void Rule_titles_come_from_the_longest_known_prefix(string ruleId, string title) =>
        RuleWordings.For(ruleId).Title.Should().Be(title);

    private static IHtmlDocument Parse(string? html) => new HtmlParser().ParseDocument(html ?? string.Empty);
}
