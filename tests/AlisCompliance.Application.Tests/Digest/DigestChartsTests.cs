using AlisCompliance.Application.Digest;
using NodaTime;
using SkiaSharp;

namespace AlisCompliance.Application.Tests.Digest;

public sealed class DigestChartsTests
{
    [Fact]
    public void The_monthly_chart_renders_headless_as_a_png_with_bars_line_and_labels()
    {
        var months = Enumerable.Range(1, 12)
            .Select(month => new MonthlySupervision(new YearMonth(2026, month), month % 3 == 0 ? 2.5 : 4.5, month != 7))
            .ToList();

        var png = DigestCharts.SupervisionByMonth(months, 4);

        Artifacts.Save("digest-chart.png", png);
        using var bitmap = SKBitmap.Decode(png);
        bitmap.Should().NotBeNull();
        (bitmap.Width, bitmap.Height).Should().Be((DigestCharts.Width, DigestCharts.Height));
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < bitmap.Width; x += 3)
        {
            for (var y = 0; y < bitmap.Height; y += 3)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        colours.Should().Contain(new SKColor(0x2e, 0x7d, 0x32), "bars at or over the line are green");
        colours.Should().Contain(new SKColor(0xc7, 0x7c, 0x02), "bars under the line are amber");
        colours.Count.Should().BeGreaterThan(20, "text is drawn antialiased, so a chart with labels has many shades");
    }
}
