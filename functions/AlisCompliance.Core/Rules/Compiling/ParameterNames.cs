using Microsoft.CodeAnalysis.CSharp;

namespace AlisCompliance.Core.Rules;

internal static class ParameterNames
{
    /// <summary>The generated code's own variables start with this, so rule names and expressions may not.</summary>
    public const string ReservedPrefix = "__";

    private static readonly HashSet<string> ContextualKeywordsToAvoid = new(StringComparer.Ordinal)
    {
        "_", "var", "dynamic", "nameof", "await", "async", "yield", "global",
    };

    public static string ReservedMessage(string name) =>
        $"'{name}' er et reservert navn: navn som begynner med '{ReservedPrefix}', tilhører regelmotoren.";

    /// <summary>Why <paramref name="name"/> cannot name a parameter, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            return ReservedMessage(name);
        }

        if (!SyntaxFacts.IsValidIdentifier(name)
            || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            || ContextualKeywordsToAvoid.Contains(name))
        {
            return $"'{name}' kan ikke brukes som navn: bruk bokstaver, sifre og '_' (ikke et siffer først), og ikke et C#-nøkkelord.";
        }

        return null;
    }
}
