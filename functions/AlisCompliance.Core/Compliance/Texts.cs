namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Text helpers rule messages may call, so that the ALIS-kontor can write correct Norwegian in the JSON:
/// <c>$(Texts.Count(daysLeft, "dag", "dager"))</c> gives "1 dag", "2 dager", "13 475 dager", "1,5 timer".
/// </summary>
public static class Texts
{
    /// <summary>A whole count with its noun in the right number, grouped in thousands as <see cref="NorwegianFormat.WholeNumber"/>.</summary>
    public static string Count(long count, string singular, string plural) => WithNoun(NorwegianFormat.WholeNumber(count), singular, plural);

    /// <summary>An amount such as hours or months: singular only when it reads as exactly 1 (so 1,0 is "1 time", 1,5 is "1,5 timer").</summary>
    public static string Count(double count, string singular, string plural) => WithNoun(NorwegianFormat.Number(count), singular, plural);

    public static string Count(decimal count, string singular, string plural) => Count((double)count, singular, plural);

    /// <summary>A count that may be missing: "–" and the plural, as a missing value reads elsewhere in messages.</summary>
    public static string Count(long? count, string singular, string plural) =>
        count is { } value ? Count(value, singular, plural) : WithNoun(NorwegianFormat.Value(null), singular, plural);

    public static string Count(double? count, string singular, string plural) =>
        count is { } value ? Count(value, singular, plural) : WithNoun(NorwegianFormat.Value(null), singular, plural);

    private static string WithNoun(string number, string singular, string plural) =>
        $"{number} {(string.Equals(number, "1", StringComparison.Ordinal) ? singular : plural)}";
}
