using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// For explaining a rule (never in normal evaluation): wraps every read of the facts input, and of the GlobalParams a
/// rule uses, in a recording call.
/// A read is a maximal chain of member accesses, calls and indexers rooted at the input (<c>alis.Years.Count()</c>)
/// that uses no lambda parameter or pattern variable of its expression, so it has one value per rule run:
/// <c>alis.X.Y</c> becomes <c>FactRecorder.Record(workflow, rule, "alis.X.Y", alis.X.Y)</c>, which stores the value
/// and returns it. A chain inside a lambda that uses the lambda's parameter is not recorded; the chain it iterates
/// over is. Runs on the generated code after the sandbox accepted it, like <see cref="BudgetProbes"/>.
/// </summary>
internal sealed class FactProbes : CSharpSyntaxRewriter
{
    private const string Recorder = "global::AlisCompliance.Core.Rules.FactRecorder.Record";

    private readonly Dictionary<SyntaxNode, (int Workflow, int Rule, string Text)> probes;

    private FactProbes(Dictionary<SyntaxNode, (int Workflow, int Rule, string Text)> probes)
    {
        this.probes = probes;
    }

    /// <param name="expressions">Each rule expression's node in <paramref name="tree"/> with the site it comes from.</param>
    /// <param name="root">The input whose reads are recorded ("alis").</param>
    public static SyntaxTree Insert(SyntaxTree tree, SemanticModel model, IEnumerable<(ExpressionSyntax Expression, ExpressionSite Site)> expressions, string root, CSharpParseOptions options)
    {
        var found = new Dictionary<SyntaxNode, (int, int, string)>();
        foreach (var (expression, site) in expressions)
        {
            foreach (var read in Reads(expression, model, RootsAt(site, root)))
            {
                found[read] = (site.Workflow.Index, site.Rule?.Index ?? -1, OutputLimits.Text(read.ToString()));
            }
        }

        var rewritten = (CSharpSyntaxNode)new FactProbes(found).Visit(tree.GetRoot())!;
        return CSharpSyntaxTree.Create(rewritten, options);
    }

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        var visited = base.Visit(node);
        if (node is null || visited is not ExpressionSyntax expression || !probes.TryGetValue(node, out var probe))
        {
            return visited;
        }

        var call = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression(string.Create(
            CultureInfo.InvariantCulture, $"{Recorder}({probe.Workflow}, {probe.Rule}, {SymbolDisplay.FormatLiteral(probe.Text, quote: true)}, default)"));
        var arguments = call.ArgumentList.Arguments;
        return call.WithArgumentList(call.ArgumentList.WithArguments(arguments.Replace(arguments[^1], SyntaxFactory.Argument(expression.WithoutTrivia()))))
            .WithTriviaFrom(expression);
    }

    /// <summary>
    /// Where reads start: the facts input, and in a rule the workflow's GlobalParams it can see (a GlobalParam such as
    /// <c>current = alis.CurrentVeileder(asOf)</c> is a fact the rule reads, so its value and what is read from it count).
    /// The bool says whether the name alone is worth recording: a GlobalParam's value is, the whole facts input is not.
    /// </summary>
    private static Dictionary<string, bool> RootsAt(ExpressionSite site, string root)
    {
        var roots = new Dictionary<string, bool>(StringComparer.Ordinal) { [root] = false };
        if (site.Rule is { } rule)
        {
            var locals = rule.SelfAndAncestors().SelectMany(node => node.Definition.LocalParams).Select(parameter => parameter.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var global in site.Workflow.Workflow.GlobalParams.Where(global => !locals.Contains(global.Name)))
            {
                roots.TryAdd(global.Name, true);
            }
        }

        return roots;
    }

    private static IEnumerable<ExpressionSyntax> Reads(ExpressionSyntax expression, SemanticModel model, Dictionary<string, bool> roots) =>
        expression.DescendantNodesAndSelf()
            .OfType<IdentifierNameSyntax>()
            .Where(identifier => roots.ContainsKey(identifier.Identifier.ValueText)
                && model.GetSymbolInfo(identifier).Symbol is ILocalSymbol local
                && !Within(local, expression))
            .Select(Chain)
            .Where(chain => (chain is not IdentifierNameSyntax name || roots[name.Identifier.ValueText])
                && IsValue(chain, model)
                && !UsesInnerVariable(chain, expression, model))
            .Distinct();

    /// <summary>The longest member-access/call/indexer chain that starts at the identifier.</summary>
    private static ExpressionSyntax Chain(IdentifierNameSyntax start)
    {
        ExpressionSyntax chain = start;
        while (true)
        {
            switch (chain.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == chain:
                    chain = access;
                    break;
                case InvocationExpressionSyntax call when call.Expression == chain:
                    chain = call;
                    break;
                case ElementAccessExpressionSyntax element when element.Expression == chain:
                    chain = element;
                    break;
                default:
                    return chain;
            }
        }
    }

    /// <summary>Only values can be recorded and handed on: not method groups, not ref structs, not by-reference arguments.</summary>
    private static bool IsValue(ExpressionSyntax chain, SemanticModel model) =>
        model.GetTypeInfo(chain).Type is { } type
        && type.SpecialType != SpecialType.System_Void
        && !type.IsRefLikeType
        && type.TypeKind is not (TypeKind.Delegate or TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer)
        && chain.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: not 0 };

    /// <summary>A lambda parameter or pattern variable declared in the expression but outside the chain: the value changes per item.</summary>
    private static bool UsesInnerVariable(ExpressionSyntax chain, ExpressionSyntax expression, SemanticModel model) =>
        chain.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
            model.GetSymbolInfo(identifier).Symbol is (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol) and var symbol
            && Within(symbol, expression)
            && !Within(symbol, chain));

    private static bool Within(ISymbol symbol, SyntaxNode node) =>
        symbol.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == node.SyntaxTree && node.Span.Contains(reference.Span));
}
