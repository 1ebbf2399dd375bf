using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Puts a budget probe in front of every lambda body of the checked rule code: x => body becomes
/// x => (RuleBudget.Continue() ? body : throw RuleBudget.Exceeded()). Every loop a rule can write runs a
/// lambda or is bounded by one, so a runaway rule reaches a probe often. The conditional keeps the body's
/// type, target typing included, so code that compiled before still compiles.
/// </summary>
internal sealed class BudgetProbes : CSharpSyntaxRewriter
{
    private const string Budget = "global::AlisCompliance.Core.Rules.RuleBudget";

    private static readonly ExpressionSyntax ContinueCall = SyntaxFactory.ParseExpression($"{Budget}.Continue()");

    private static readonly ThrowExpressionSyntax ThrowExceeded =
        SyntaxFactory.ThrowExpression(SyntaxFactory.ParseExpression($"{Budget}.Exceeded()"));

    /// <summary>The tree with probes; the expressions were limited in depth before, so the rewriter's recursion is bounded.</summary>
    public static SyntaxTree Insert(SyntaxTree tree, CSharpParseOptions options)
    {
        var root = new BudgetProbes().Visit(tree.GetRoot());
        return CSharpSyntaxTree.Create((CSharpSyntaxNode)root, options);
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return visited.ExpressionBody is { } body ? visited.WithExpressionBody(Probed(body)) : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return visited.ExpressionBody is { } body ? visited.WithExpressionBody(Probed(body)) : visited;
    }

    private static ParenthesizedExpressionSyntax Probed(ExpressionSyntax body) =>
        SyntaxFactory.ParenthesizedExpression(
            SyntaxFactory.ConditionalExpression(ContinueCall, SyntaxFactory.ParenthesizedExpression(body), ThrowExceeded));
}
