using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Cli.Output;

/// <summary>A count with its noun in the right number: 1 regel, 2 regler, 13 475 regler.</summary>
internal static class NorwegianCount
{
    public static string Of(long count, string singular, string plural) =>
        $"{NorwegianFormat.WholeNumber(count)} {(count == 1 ? singular : plural)}";
}
