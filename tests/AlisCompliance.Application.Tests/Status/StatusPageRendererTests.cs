using AlisCompliance.Application.Status;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AlisCompliance.Application.Tests.Status;

public sealed class StatusPageRendererTests
{
    private static readonly IHtmlDocument Page = new HtmlParser().ParseDocument(StatusPageRenderer.Render(StatusFixtures.Model()));

    [Fact]
    public void The_page_is_norwegian_and_made_for_a_phone()
    {
        Page.DocumentElement.GetAttribute("lang").Should().Be("nb");
        Page.QuerySelector("meta[name=viewport]")!.GetAttribute("content").Should().Be("width=device-width, initial-scale=1");
        Page.QuerySelector("h1")!.TextContent.Should().Be("Status for ALIS i Åsnes kommune");
        Page.QuerySelector(".as-of")!.TextContent.Should().Be("Per 07.12.2026");
    }

    [Fact]
    public void The_page_needs_nothing_from_outside_and_runs_no_script()
    {
        Page.QuerySelectorAll("script, link, iframe, img[src^=http]").Should().BeEmpty();
        Page.QuerySelectorAll("[style*='url(']").Should().BeEmpty();
        Page.Head!.QuerySelector("style")!.TextContent.Should().NotContain("url(").And.NotContain("@import");
    }

    [Fact]
    public void The_worst_alis_comes_first_and_severity_is_written_out()
    {
        var sections = Page.QuerySelectorAll("section.alis").ToList();

        sections.Select(section => section.QuerySelector("h2")!.TextContent).Should().Equal("Ola Olsen (alis-02)", "Kari <Nordmann> (alis-01)", "Per Hansen (alis-03)");
        sections.Select(section => section.QuerySelector(".badge")!.TextContent).Should().Equal("Brudd · 2 åpne avvik", "Advarsel · 1 åpent avvik", "Alt i orden");
        sections[0].QuerySelectorAll(".finding .severity").Select(label => label.TextContent).Should().Equal("Brudd", "Til orientering");
        Page.QuerySelectorAll(".counts li").Select(item => item.TextContent).Should().Equal("1Brudd", "1Advarsel", "1Til orientering");
    }

    [Fact]
    public void Names_are_encoded_numbers_and_dates_are_norwegian()
    {
        Page.QuerySelectorAll("nordmann").Should().BeEmpty();
        var ola = Page.QuerySelectorAll("section.alis")[0];
        var annual = ola.QuerySelectorAll(".finding")[0];
        annual.QuerySelector("strong")!.TextContent.Should().Be("Veiledning under 42 timer");
        annual.QuerySelector(".message")!.TextContent.Should().Contain("41,5 timer");
        annual.QuerySelector(".meta")!.TextContent.Should().Be("Hjemmel: Spesialistforskriften § 25; Rundskriv I-2/2019 · åpen siden 10.01.2026 · SUP-ANNUAL-42H");
        ola.QuerySelectorAll(".finding")[1].QuerySelector(".meta")!.TextContent.Should().StartWith("Grunnlag: Kvalitetssignal");

        // 23:30 UTC on 30 November is 1 December in Oslo.
        Page.QuerySelectorAll("section.alis")[1].QuerySelector(".meta")!.TextContent.Should().Contain("åpen siden 01.12.2026");
    }
}
