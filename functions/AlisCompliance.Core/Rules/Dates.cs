using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// A date written the way the rule editor writes dates elsewhere (ISO, "2026-12-31"). Rules use it instead of
/// <c>new LocalDate(2026, 12, 31)</c>, which Microsoft RulesEngine cannot read. Always allowed in expressions.
/// </summary>
public static class Dates
{
    public static LocalDate Parse(string isoDate) => LocalDatePattern.Iso.Parse(isoDate).GetValueOrThrow();

    internal static bool IsIsoDate(string text) => LocalDatePattern.Iso.Parse(text).Success;
}
