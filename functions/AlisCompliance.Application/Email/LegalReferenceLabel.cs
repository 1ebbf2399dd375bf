using System.Text.RegularExpressions;

namespace AlisCompliance.Application.Email;

/// <summary>
/// "Hjemmel" is the legal basis in a law or regulation; a course booklet, a municipality's plan or a research finding
/// is only a "Grunnlag". Calling a recommendation a hjemmel would tell the leader it is a legal duty.
/// </summary>
public static partial class LegalReferenceLabel
{
    public const string Regulation = "Hjemmel";
    public const string Other = "Grunnlag";

    public static string For(string? legalReference) =>
        legalReference is not null && CitesRegulation().IsMatch(legalReference) ? Regulation : Other;

    // "Spesialistforskriften § 25", "forskrift om …", "helsepersonelloven § 4", "FOR-2016-12-08-1482"; not "lovkrav".
    [GeneratedRegex(@"forskrift|\p{L}*loven\b|\blov\b|\b(FOR|LOV)-\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CitesRegulation();
}
