using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Dynamic LINQ spellings (RulesEngine's expression language) that have a plain C# equivalent. When an expression
/// containing one does not compile, the rule editor is told the C# spelling instead of a compiler message.
/// </summary>
internal static class DynamicLinqSpelling
{
    /// <summary>The first Dynamic LINQ spelling in <paramref name="expression"/>, with its offset and a Norwegian hint.</summary>
    public static (int Offset, string Message)? Find(string expression)
    {
        var tokens = SyntaxFactory.ParseTokens(expression).Where(token => !token.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var calls = i + 1 < tokens.Count && tokens[i + 1].IsKind(SyntaxKind.OpenParenToken)
                && (i == 0 || !tokens[i - 1].IsKind(SyntaxKind.NewKeyword));
            var hint = token.Kind() switch
            {
                SyntaxKind.EqualsToken => "'=' sammenligner ikke i C#: skriv '==' (for eksempel alis.IsConverted == true).",
                SyntaxKind.IdentifierToken or SyntaxKind.StringKeyword => IdentifierHint(token.ValueText, calls),
                _ => null,
            };
            if (hint is not null)
            {
                return (token.SpanStart, hint);
            }
        }

        return null;
    }

    private static string? IdentifierHint(string word, bool calls) => word.ToUpperInvariant() switch
    {
        "AND" => $"'{word}' er Dynamic LINQ; i C# skrives 'og' som &&.",
        "OR" => $"'{word}' er Dynamic LINQ; i C# skrives 'eller' som ||.",
        "NOT" => $"'{word}' er Dynamic LINQ; i C# skrives 'ikke' som ! foran uttrykket, for eksempel !alis.IsOnOldScheme.",
        "IIF" when calls => $"'{word}(betingelse, a, b)' er Dynamic LINQ; i C# skrives det betingelse ? a : b.",
        "NP" when calls => $"'{word}(x.Felt)' er Dynamic LINQ; i C# skrives det x?.Felt.",
        "STRING" when calls => $"'{word}(x)' er Dynamic LINQ; i C# skrives det x.ToString().",
        _ => null,
    };
}
