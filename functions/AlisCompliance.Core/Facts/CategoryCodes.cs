using AlisCompliance.Core.Catalog;

namespace AlisCompliance.Core.Facts;

/// <summary>The category names rules use in JSON ("open-general-practice" …), so rule authors never need enums.</summary>
public static class CategoryCodes
{
    public const string OpenGeneralPractice = "open-general-practice";
    public const string OtherGeneralPractice = "other-general-practice";
    public const string Institution = "institution";
    public const string All = "all";

    public static string Of(ArenaCategory category) => category switch
    {
        ArenaCategory.OpenGeneralPractice => OpenGeneralPractice,
        ArenaCategory.OtherGeneralPractice => OtherGeneralPractice,
        _ => Institution,
    };

    internal static bool Matches(string code, ArenaCategory category) => code switch
    {
        All => true,
        OpenGeneralPractice or OtherGeneralPractice or Institution => string.Equals(code, Of(category), StringComparison.Ordinal),
        _ => throw new ArgumentException(
            $"Ukjent tjenestekategori '{code}'; bruk '{OpenGeneralPractice}', '{OtherGeneralPractice}', '{Institution}' eller '{All}'.",
            nameof(code)),
    };
}
