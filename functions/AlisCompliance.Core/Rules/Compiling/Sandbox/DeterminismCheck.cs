using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Refuses members whose result differs between runs of the same rules on the same facts: a finding must
/// be reproducible. Most of these types are outside the allow-list anyway; this names the reason.
/// </summary>
internal static class DeterminismCheck
{
    private static readonly Dictionary<string, string> VaryingMembers = new(StringComparer.Ordinal)
    {
        ["System.DateTime.Now"] = "klokken",
        ["System.DateTime.UtcNow"] = "klokken",
        ["System.DateTime.Today"] = "klokken",
        ["System.DateTimeOffset.Now"] = "klokken",
        ["System.DateTimeOffset.UtcNow"] = "klokken",
        ["System.Environment.TickCount"] = "klokken",
        ["System.Environment.TickCount64"] = "klokken",
        ["System.Guid.NewGuid"] = "tilfeldige tall",
        ["NodaTime.SystemClock.Instance"] = "klokken",
        ["NodaTime.SystemClock.GetCurrentInstant"] = "klokken",
    };

    private static readonly HashSet<string> VaryingTypes = new(StringComparer.Ordinal)
    {
        "System.Random", "System.Security.Cryptography.RandomNumberGenerator", "System.Diagnostics.Stopwatch", "System.HashCode",
    };

    /// <returns>Why <paramref name="operation"/> is not deterministic (Norwegian), or null.</returns>
    public static string? Refusal(IOperation operation)
    {
        var member = operation switch
        {
            IInvocationOperation invocation => (ISymbol)invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IMethodReferenceOperation reference => reference.Method,
            IObjectCreationOperation { Constructor: { } constructor } => constructor,
            _ => null,
        };
        if (member is null)
        {
            return null;
        }

        if (string.Equals(member.Name, nameof(GetHashCode), StringComparison.Ordinal))
        {
            return $"'{member.Name}()' kan ikke brukes i regler: resultatet er forskjellig fra kjøring til kjøring, så funnene kunne ikke gjentas. Sammenlign verdiene direkte i stedet.";
        }

        var type = member.ContainingType?.ToDisplayString() ?? string.Empty;
        if (VaryingMembers.TryGetValue($"{type}.{member.Name}", out var source))
        {
            return $"'{type}.{member.Name}' kan ikke brukes i regler: den avhenger av {source}, så funnene kunne ikke gjentas. Bruk asOf eller datoene i faktaene.";
        }

        return VaryingTypes.Contains(type)
            ? $"'{type}' kan ikke brukes i regler: resultatet er forskjellig fra kjøring til kjøring, så funnene kunne ikke gjentas."
            : null;
    }
}
