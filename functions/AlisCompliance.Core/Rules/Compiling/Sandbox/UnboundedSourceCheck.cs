using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Refuses date ranges that run to the ends of the calendar: enumerating one is millions of days. Ranges
/// between the facts' own dates are bounded by the facts and left to the evaluation budget.
/// </summary>
internal static class UnboundedSourceCheck
{
    /// <returns>Why <paramref name="operation"/> builds an unbounded source (Norwegian), or null.</returns>
    public static string? Refusal(IOperation operation) =>
        operation is IObjectCreationOperation { Constructor.ContainingType: var type } creation
        && string.Equals(type.ToDisplayString(), "NodaTime.DateInterval", StringComparison.Ordinal)
        && creation.Arguments.Any(argument => IsEndOfCalendar(argument.Value))
            ? "Et DateInterval fra eller til LocalDate.MinIsoValue/MaxIsoValue har millioner av dager og kan ikke brukes i regler. "
              + "Bruk datoene i faktaene (f.eks. fra første til siste økt), eller sammenlign datoene direkte."
            : null;

    private static bool IsEndOfCalendar(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        var member = value switch
        {
            IPropertyReferenceOperation property => (ISymbol)property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        return member is { Name: "MinIsoValue" or "MaxIsoValue" } && string.Equals(member.ContainingType.ToDisplayString(), "NodaTime.LocalDate", StringComparison.Ordinal);
    }
}
