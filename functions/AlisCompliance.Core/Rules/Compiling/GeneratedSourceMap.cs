using System.Globalization;
using Microsoft.CodeAnalysis;

namespace AlisCompliance.Core.Rules;

/// <summary>Maps positions in the generated C# back to the workflow files they came from.</summary>
internal sealed class GeneratedSourceMap(GeneratedRuleSource source, ScopeValidation scope, SemanticModel model)
{
    // Each expression is pasted as "(\n" + text + "\n)"; errors reported on that wrapper belong to the expression.
    private const int WrapperLength = 2;

    private readonly ExpressionSegment[] expressions = [.. source.Expressions.OrderBy(segment => segment.Start)];

    public ExpressionSegment? ExpressionAt(int position)
    {
        var low = 0;
        var high = expressions.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var segment = expressions[middle];
            if (position < segment.Start - WrapperLength)
            {
                high = middle - 1;
            }
            else if (position > segment.End + WrapperLength)
            {
                low = middle + 1;
            }
            else
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>The diagnostic in workflow terms, or null when it only echoes an error already reported for its rule.</summary>
    public RuleDiagnostic? Map(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.SourceSpan.Start;
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (ExpressionAt(position) is { } expression)
        {
            var site = expression.Site;
            if (scope.IsSuppressed(site.Workflow, site.Rule))
            {
                return null;
            }

            return DynamicLinqSpelling.Find(site.Text) is { } spelling
                ? site.Diagnostic(spelling.Offset, RuleDiagnosticCodes.DynamicLinqSpelling, spelling.Message)
                : site.Diagnostic(Math.Clamp(position - expression.Start, 0, expression.Length), diagnostic.Id, CompilerMessages.Describe(diagnostic, model));
        }

        if (source.Names.FirstOrDefault(name => position >= name.Start && position <= name.Start + name.Length) is { } declaration)
        {
            return scope.IsSuppressed(declaration.Workflow, declaration.Rule)
                ? null
                : new RuleDiagnostic(declaration.Workflow.Workflow.SourceFile, declaration.Workflow.Workflow.Name, declaration.Rule?.Path, declaration.Field, declaration.Position, diagnostic.Id, CompilerMessages.Describe(diagnostic, null));
        }

        // Anything else is an error in code the engine wrote itself.
        var block = source.RuleBlocks
            .Where(candidate => position >= candidate.Start && position < candidate.Start + candidate.Length)
            .MinBy(candidate => candidate.Length);
        if (block is not null && scope.IsSuppressed(block.Workflow, block.Rule))
        {
            return null;
        }

        var internalMessage = $"Regelmotoren laget kode som ikke kompilerer ({diagnostic.Id}: {message}). Dette er en feil i AlisCompliance, ikke i regelfilene.";
        return block is null
            ? new RuleDiagnostic("(generated)", null, null, null, default, RuleDiagnosticCodes.InternalError, internalMessage)
            : new RuleDiagnostic(block.Workflow.Workflow.SourceFile, block.Workflow.Workflow.Name, block.Rule.Path, null, block.Rule.Definition.NamePosition, RuleDiagnosticCodes.InternalError, internalMessage);
    }
}
