using System.Globalization;
using System.Text.RegularExpressions;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Compliance;

/// <summary>GlobalParams whose expression is a fixed date, <c>Dates.Parse("2026-12-31")</c> or <c>new LocalDate(2026, 12, 31)</c>, by name.</summary>
internal static partial class FixedDateParameters
{
    public static IReadOnlyDictionary<string, LocalDate> Of(IEnumerable<Workflow> workflows)
    {
        var dates = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in workflows.SelectMany(workflow => workflow.GlobalParams))
        {
            var match = FixedDate().Match(parameter.Expression.Text);
            if (!match.Success || !TryDate(match, out var date))
            {
                continue;
            }

            if (dates.TryGetValue(parameter.Name, out var other) && other != date)
            {
                ambiguous.Add(parameter.Name);
            }

            dates[parameter.Name] = date;
        }

        foreach (var name in ambiguous)
        {
            dates.Remove(name);
        }

        return dates;
    }

    private static bool TryDate(Match match, out LocalDate date)
    {
        date = default;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^\s*(new\s+LocalDate\s*\(\s*(?<year>\d{4})\s*,\s*(?<month>\d{1,2})\s*,\s*(?<day>\d{1,2})\s*\)|Dates\.Parse\s*\(\s*""(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})""\s*\))\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FixedDate();
}
