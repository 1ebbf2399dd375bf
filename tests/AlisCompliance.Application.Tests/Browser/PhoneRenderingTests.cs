using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Status;
using AlisCompliance.Application.Tests.Digest;
using AlisCompliance.Application.Tests.Email;
using AlisCompliance.Application.Tests.Status;
using Microsoft.Playwright;
using MimeKit;

namespace AlisCompliance.Application.Tests.Browser;

/// <summary>The status page and the digest as a leader sees them on a 375 px phone, in a real browser.</summary>
public sealed class PhoneRenderingTests(DebianChromium chromium) : IClassFixture<DebianChromium>
{
    private const int PhoneWidth = 375;

    [Fact]
    public async Task The_status_page_fits_a_phone_without_horizontal_scroll()
    {
        var html = StatusPageRenderer.Render(StatusFixtures.Model());

        var rendered = await RenderAsync(html, "status-375.png");

        rendered.ScrollWidth.Should().BeLessThanOrEqualTo(PhoneWidth);
        rendered.ConsoleErrors.Should().BeEmpty();
        rendered.VisibleTexts.Should().Contain(["Status for ALIS i Åsnes kommune", "Brudd · 2 åpne avvik", "Kari <Nordmann> (alis-01)"]);
    }

    [Fact]
    public async Task The_digest_fits_a_phone_with_its_charts_shown()
    {
        var message = DigestEmailComposer.Compose(DigestFixtures.Model(), MailFixtures.From, DigestFixtures.Leader, MailFixtures.StatusPage);

        var rendered = await RenderAsync(WithInlineImages(message), "digest-375.png", "img");

        rendered.ScrollWidth.Should().BeLessThanOrEqualTo(PhoneWidth);
        rendered.ConsoleErrors.Should().BeEmpty();
        rendered.VisibleTexts.Should().Contain(["Ukeoversikt for Åsnes kommune, uke 50", "Kari <Nordmann> (alis-01)"]);
        rendered.ImageWidths.Should().HaveCount(2).And.OnlyContain(width => width > 0 && width <= PhoneWidth);
    }

    private async Task<Rendered> RenderAsync(string html, string screenshot, string? imageSelector = null)
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 812 },
            DeviceScaleFactor = 1,
            IsMobile = true,
            Locale = "nb-NO",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Folder, screenshot), FullPage = true });

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var texts = new List<string>();
        foreach (var heading in await page.Locator("h1, h2, h3, .badge").AllAsync())
        {
            if (await heading.IsVisibleAsync())
            {
                texts.Add((await heading.InnerTextAsync()).Trim());
            }
        }

        var widths = new List<int>();
        if (imageSelector is not null)
        {
            foreach (var image in await page.Locator(imageSelector).AllAsync())
            {
                widths.Add(await image.EvaluateAsync<int>("image => image.complete ? image.naturalWidth && image.getBoundingClientRect().width : 0"));
            }
        }

        return new Rendered(scrollWidth, errors, texts, widths);
    }

    /// <summary>What a mail client does with cid: references: shows the message's own image parts in their place.</summary>
    private static string WithInlineImages(MimeMessage message)
    {
        var html = message.HtmlBody ?? string.Empty;
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(part => part.ContentId is not null))
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            html = html.Replace($"cid:{part.ContentId}", $"data:{part.ContentType.MimeType};base64,{Convert.ToBase64String(bytes.ToArray())}", StringComparison.Ordinal);
        }

        return html;
    }

    private sealed record Rendered(int ScrollWidth, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> VisibleTexts, IReadOnlyList<int> ImageWidths);
}
