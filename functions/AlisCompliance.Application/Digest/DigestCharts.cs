using AlisCompliance.Core.Compliance;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// The digest's charts as PNG: email clients (Gmail, Outlook) do not show SVG. Every number a chart shows is also in
/// its alt text and in the email's text, so the digest reads the same with images off.
/// </summary>
public static class DigestCharts
{
    public const int Width = 560;
    public const int Height = 200;

    private static readonly string[] ShortMonths = ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"];

    /// <summary>Bars of supervision hours per month against the monthly line; months outside training are grey.</summary>
    public static byte[] SupervisionByMonth(IReadOnlyList<MonthlySupervision> months, double targetHours)
    {
        ArgumentNullException.ThrowIfNull(months);
        var plot = new Plot();
        try
        {
            var bars = new List<Bar>(months.Count);
            for (var index = 0; index < months.Count; index++)
            {
                var month = months[index];
                bars.Add(new Bar
                {
                    Position = index,
                    Value = month.Hours,
                    FillColor = !month.InTraining ? Colors.LightGray
                        : month.Hours >= targetHours ? Color.FromHex("#2e7d32") : Color.FromHex("#c77c02"),
                    LineWidth = 0,
                });
            }

            plot.Add.Bars(bars);
            var line = plot.Add.HorizontalLine(targetHours);
            line.Color = Color.FromHex("#1f2933");
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;

            plot.Axes.Bottom.SetTicks(
                [.. Enumerable.Range(0, months.Count).Select(index => (double)index)],
                [.. months.Select(month => ShortMonths[month.Month.Month - 1])]);
            plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = NorwegianFormat.Number };
            plot.Axes.Left.Label.Text = "Timer";
            var highest = months.Count == 0 ? 0 : months.Max(month => month.Hours);
            plot.Axes.SetLimits(-0.6, months.Count - 0.4, 0, Math.Max(targetHours * 1.5, highest * 1.15));
            plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
