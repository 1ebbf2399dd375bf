using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Parses an expression on its own before it is pasted into the generated code. Only a complete,
/// error-free expression without preprocessor directives is pasted, so no text can close the
/// surrounding parentheses or comment out generated code.
/// </summary>
internal static class StandaloneExpressionParser
{
    public static IReadOnlyList<RuleDiagnostic> Check(ExpressionSite site, CSharpParseOptions options)
    {
        var expression = SyntaxFactory.ParseExpression(site.Text, options: options, consumeFullText: true);
        var errors = expression.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(diagnostic => site.Diagnostic(diagnostic.Location.SourceSpan.Start, diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        if (errors.Count == 0 && expression.ContainsDirectives)
        {
            var directive = expression.DescendantTrivia().First(trivia => trivia.IsDirective);
            errors.Add(site.Diagnostic(directive.SpanStart, RuleDiagnosticCodes.ForbiddenSyntax, "Preprocessor directives ('#…') are not allowed in rule expressions."));
        }

        return errors;
    }
}
