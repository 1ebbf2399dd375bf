using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Rewrites the C# errors a rule editor meets most (a misspelled fact or name) in Norwegian, with a
/// "mente du …?" suggestion; every other compiler message is kept as Roslyn wrote it.
/// </summary>
internal static class CompilerMessages
{
    private const string MissingMember = "CS1061";
    private const string MissingStaticMember = "CS0117";
    private const string MissingName = "CS0103";

    public static string Describe(Diagnostic diagnostic, SemanticModel? model)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (model is null || diagnostic.Location.SourceTree != model.SyntaxTree)
        {
            return message;
        }

        var node = model.SyntaxTree.GetRoot().FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return diagnostic.Id switch
        {
            MissingMember or MissingStaticMember when node.Parent is MemberAccessExpressionSyntax access && node == access.Name
                => MissingMemberMessage(access, model) ?? message,
            MissingName when node is IdentifierNameSyntax name => MissingNameMessage(name, model),
            _ => message,
        };
    }

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
}
