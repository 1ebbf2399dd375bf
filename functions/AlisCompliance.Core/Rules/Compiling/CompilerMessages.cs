using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Puts the C# errors a rule editor meets in Norwegian: a misspelled fact or name with a "mente du …?"
/// suggestion, the common syntax and type errors in our own words, and every other compiler message
/// after a Norwegian lead-in (<see cref="CompilerLeadIn"/>), as Roslyn wrote it.
/// </summary>
internal static partial class CompilerMessages
{
    /// <summary>Introduces a compiler message that is passed through in Roslyn's own English.</summary>
    public const string CompilerLeadIn = "C#-kompilatoren melder (på engelsk):";

    private const string MissingMember = "CS1061";
    private const string MissingStaticMember = "CS0117";
    private const string MissingName = "CS0103";

    public static string Describe(Diagnostic diagnostic, SemanticModel? model)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return (model is not null && diagnostic.Location.SourceTree == model.SyntaxTree ? WithModel(diagnostic, model) : null)
            ?? Translated(diagnostic.Id, Quoted(message))
            ?? $"{CompilerLeadIn} {message}";
    }

    private static string? WithModel(Diagnostic diagnostic, SemanticModel model)
    {
        var node = model.SyntaxTree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return diagnostic.Id switch
        {
            MissingMember or MissingStaticMember when node.Parent is MemberAccessExpressionSyntax access && node == access.Name
                => MissingMemberMessage(access, model),
            MissingName when node is IdentifierNameSyntax name => MissingNameMessage(name, model),
            _ => null,
        };
    }

    // The errors seen most while editing rules; the quoted parts of Roslyn's message are its arguments.
    private static string? Translated(string id, string[] quoted) => (id, quoted.Length) switch
    {
        ("CS1026", _) => "Her mangler ')'.",
        ("CS1003" or "CS1002", 1) => $"Her mangler '{quoted[0]}'.",
        ("CS1525", 1) => $"'{quoted[0]}' kan ikke stå her: et ledd i uttrykket mangler.",
        ("CS1073", 1) => $"Uventet '{quoted[0]}': uttrykket er slutt før dette.",
        ("CS1010" or "CS1039", _) => "Teksten mangler det avsluttende anførselstegnet (\").",
        ("CS0029" or "CS0266", 2) => $"Verdien har typen '{quoted[0]}', men her trengs '{quoted[1]}'.",
        ("CS0019", 3) => $"'{quoted[0]}' kan ikke brukes mellom en '{quoted[1]}' og en '{quoted[2]}'.",
        ("CS0023", 2) => $"'{quoted[0]}' kan ikke brukes på en '{quoted[1]}'.",
        ("CS0246", >= 1) => $"Typen '{quoted[0]}' finnes ikke i regler.",
        ("CS1069", >= 1) => $"Typen '{quoted[0]}' finnes ikke i regler.",
        ("CS0234", 2) => $"'{quoted[0]}' finnes ikke i '{quoted[1]}' for regler.",
        ("CS1503", 2) => $"Et argument har typen '{quoted[0]}', men her trengs '{quoted[1]}'.",
        _ => null,
    };

    private static string[] Quoted(string message) =>
        [.. QuotedPart().Matches(message).Select(match => match.Groups["text"].Value)];

    private static string? MissingMemberMessage(MemberAccessExpressionSyntax access, SemanticModel model)
    {
        var receiver = model.GetTypeInfo(access.Expression).Type ?? model.GetSymbolInfo(access.Expression).Symbol as ITypeSymbol;
        if (receiver is null or { TypeKind: TypeKind.Error })
        {
            return null;
        }

        var name = access.Name.Identifier.ValueText;
        var members = MemberNames(receiver);
        var suggestion = EditDistance.ClosestMatch(name, members, MaxDistance(name));
        var owner = access.Expression.ToString();
        return $"'{owner}' ({receiver.Name}) har ingen '{name}'.{Suggestion(suggestion)}";
    }

    private static string MissingNameMessage(IdentifierNameSyntax name, SemanticModel model)
    {
        var text = name.Identifier.ValueText;
        var visible = model.LookupSymbols(name.SpanStart)
            .Where(symbol => symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol)
            .Select(symbol => symbol.Name)
            .Where(candidate => !candidate.StartsWith(ParameterNames.ReservedPrefix, StringComparison.Ordinal));
        var suggestion = EditDistance.ClosestMatch(text, visible, MaxDistance(text));
        return $"Navnet '{text}' finnes ikke her.{Suggestion(suggestion)} Navn er fakta (som alis), datoen asOf eller GlobalParams/LocalParams.";
    }

    private static IEnumerable<string> MemberNames(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.DeclaredAccessibility == Accessibility.Public && member.CanBeReferencedByName && member is IMethodSymbol or IPropertySymbol or IFieldSymbol)
                {
                    yield return member.Name;
                }
            }
        }
    }

    // Long fact names tolerate more typos than short ones.
    private static int MaxDistance(string name) => name.Length >= 12 ? 3 : 2;

    private static string Suggestion(string? suggestion) => suggestion is null ? string.Empty : $" Mente du '{suggestion}'?";

    [GeneratedRegex("'(?<text>[^']*)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QuotedPart();
}
