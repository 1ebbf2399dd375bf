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
            .Select(diagnostic => site.Diagnostic(diagnostic.Location.SourceSpan.Start, diagnostic.Id, CompilerMessages.Describe(diagnostic, null)))
            .ToList();
        if (errors.Count > 0 && DynamicLinqSpelling.Find(site.Text) is { } spelling)
        {
            return [site.Diagnostic(spelling.Offset, RuleDiagnosticCodes.DynamicLinqSpelling, spelling.Message)];
        }

        if (errors.Count > 0 && InputHints.ExpressionHint(site.Text) is { } hint)
        {
            // The first error is where the parser stopped; the rest only echo it.
            return [errors[0] with { Message = InputHints.WithHint(errors[0].Message, hint) }];
        }

        if (errors.Count == 0 && expression.ContainsDirectives)
        {
            var directive = expression.DescendantTrivia().First(trivia => trivia.IsDirective);
            errors.Add(site.Diagnostic(directive.SpanStart, RuleDiagnosticCodes.ForbiddenSyntax, RuleSetCompilation.DirectiveRefusal));
        }

        return errors;
    }
}
