using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Email;
using AlisCompliance.Application.Tests.Email;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MimeKit;

namespace AlisCompliance.Application.Tests.Digest;

public sealed class DigestEmailComposerTests
{
    private static readonly DigestModel Model = DigestFixtures.Model();
    private static readonly MimeMessage Message = DigestEmailComposer.Compose(Model, MailFixtures.From, DigestFixtures.Leader, MailFixtures.StatusPage);

    [Fact]
    public void The_subject_names_the_week_the_municipality_and_the_counts()
    {
        Message.Subject.Should().Be("Ukeoversikt uke 50, Åsnes kommune: 1 brudd, 2 advarsler");
    }

    [Fact]
    public void The_body_is_text_alongside_html_with_its_charts_as_related_png_parts()
    {
        var alternative = Message.Body.Should().BeOfType<MultipartAlternative>().Subject;
        alternative[0].ContentType.MimeType.Should().Be("text/plain");
        var related = alternative[1].Should().BeOfType<MultipartRelated>().Subject;
        related[0].ContentType.MimeType.Should().Be("text/html");
        related.Skip(1).Should().HaveCount(2).And.OnlyContain(part => part.ContentType.MimeType == "image/png");
    }

    [Fact]
    public void Every_chart_is_an_img_by_cid_with_a_norwegian_alt_text_that_carries_the_numbers()
    {
        var html = Parse(Message.HtmlBody);
        var images = html.QuerySelectorAll<IHtmlImageElement>("img").ToList();
        var contentIds = Message.BodyParts.Where(part => part.ContentType.MimeType == "image/png").Select(part => part.ContentId).ToList();

        images.Select(image => image.GetAttribute("src")).Should().Equal(contentIds.Select(id => $"cid:{id}"));
        var kari = images[0].AlternativeText;
        kari.Should().StartWith("Timer veiledning per måned for Kari <Nordmann> (alis-01), jan 2026–des 2026:");
        kari.Should().Contain("jan 4 t").And.Contain("aug 2,5 t").And.Contain("Stiplet linje: 4 timer i måneden");
    }

    [Fact]
    public void With_images_off_the_numbers_are_in_the_html_as_text()
    {
        var html = Parse(Message.HtmlBody);
        var kari = html.QuerySelectorAll(".alis")[0];

        kari.QuerySelector(".months")!.TextContent.Should().Contain("jan 4 t").And.Contain("nov 2,5 t");
        kari.QuerySelector(".months strong")!.TextContent.Should().Be("0 t", "months under the line stand out");
        kari.QuerySelector(".regularity")!.TextContent.Should().Be("Lengste opphold mellom veiledninger siste 12 måneder: 122 dager. Siste veiledning 15.11.2026.");
        kari.QuerySelector(".veileder")!.TextContent.Should().Be("Veileder (v-2) arbeider i en annen kommune.");
        kari.QuerySelector(".service")!.TextContent.Should().StartWith("Tellende tjeneste: 2,2").And.Contain("av 5 år; planen gir 5 år til 31.08.2029");
        kari.QuerySelector(".goals")!.TextContent.Should().Be("Godkjente læringsmål: 1 av 4.");
        kari.QuerySelector("h3")!.TextContent.Should().Be("Kari <Nordmann> (alis-01)");
    }

    [Fact]
    public void Findings_changes_and_deadlines_are_listed_in_norwegian()
    {
        var html = Parse(Message.HtmlBody);

        html.QuerySelectorAll(".severity").Select(heading => heading.TextContent.Trim()).Should().Equal("Brudd 1", "Advarsel 2");
        html.QuerySelector(".finding")!.TextContent.Should().Contain("Veileder er ikke kvalifisert").And.Contain("Hjemmel: Spesialistforskriften § 25").And.Contain("Åpen siden 02.10.2026");
        html.QuerySelectorAll(".change").Select(item => item.TextContent).Should().Equal(
            "02.12.2026 · Kari <Nordmann> (alis-01) · Lenge siden siste veiledning: Ny: Advarsel",
            "04.12.2026 · Ola Olsen (alis-02) · Referat fra veiledning mangler: Løst (var advarsel)");
        html.QuerySelector(".deadline")!.TextContent.Should().StartWith("31.12.2026 (om 24 dager): Overgangsordningen slutter");
        html.QuerySelector<IHtmlAnchorElement>("a.status-page")!.Href.Should().Be(MailFixtures.StatusPage.AbsoluteUri);
    }

    [Fact]
    public void The_text_part_says_the_same_without_markup()
    {
        Message.TextBody.Should().Contain("ÅPNE AVVIK").And.Contain("Kari <Nordmann> (alis-01)").And.Contain("jan 4 t")
            .And.Contain("Lengste opphold mellom veiledninger siste 12 måneder: 122 dager").And.NotContain("<span");
    }

    [Fact]
    public void The_message_id_comes_from_municipality_week_and_leader()
    {
        var again = DigestEmailComposer.Compose(DigestFixtures.Model(), MailFixtures.From, DigestFixtures.Leader, MailFixtures.StatusPage);
        var otherLeader = DigestEmailComposer.Compose(Model, MailFixtures.From, DigestFixtures.Leader with { LeaderId = "leder-2" }, MailFixtures.StatusPage);
        var nextWeek = DigestEmailComposer.Compose(Model with { IsoWeek = 51 }, MailFixtures.From, DigestFixtures.Leader, MailFixtures.StatusPage);

        Message.MessageId.Should().Be(MessageIds.ForDigest("3417", 2026, 50, "leder-1")).And.Be(again.MessageId);
        otherLeader.MessageId.Should().NotBe(Message.MessageId);
        nextWeek.MessageId.Should().NotBe(Message.MessageId);
    }

    [Fact]
    public void A_quiet_week_says_so()
    {
        var quiet = Model with { OpenFindings = [], Changes = [], Deadlines = [] };

        var message = DigestEmailComposer.Compose(quiet, MailFixtures.From, DigestFixtures.Leader, MailFixtures.StatusPage);

        message.Subject.Should().EndWith("ingen åpne avvik");
        message.TextBody.Should().Contain("Ingen åpne avvik. Alle regler er oppfylt.").And.Contain("Ingen endringer siste uke.");
    }

    private static IHtmlDocument Parse(string? html) => new HtmlParser().ParseDocument(html ?? string.Empty);
}
