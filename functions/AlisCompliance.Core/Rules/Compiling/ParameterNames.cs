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

    /// <summary>Why <paramref name="name"/> cannot name a parameter, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            return $"'{name}' is reserved: names starting with '{ReservedPrefix}' belong to the rules engine.";
        }

        if (!SyntaxFacts.IsValidIdentifier(name)
            || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            || ContextualKeywordsToAvoid.Contains(name))
        {
            return $"'{name}' is not a usable name: use a C# identifier (letters, digits and '_', not starting with a digit) that is not a C# keyword.";
        }

        return null;
    }
}
