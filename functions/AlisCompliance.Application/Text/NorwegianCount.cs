using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Text;

/// <summary>A count with its noun in the right number: 1 regel, 2 regler, 13 475 regler.</summary>
public static class NorwegianCount
{
    public static string Of(long count, string singular, string plural) =>
        $"{NorwegianFormat.WholeNumber(count)} {(count == 1 ? singular : plural)}";
}
