using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Finds C# that compiles here but that Microsoft RulesEngine (Dynamic LINQ) cannot read, so that the rule files
/// stay runnable on the reference implementation. Each finding is a warning: the rule still works here.
/// </summary>
/// <remarks>Every construct listed is checked against RulesEngine 6.0.1 in CommonSubsetTests.</remarks>
internal sealed class CommonSubsetCheck(SemanticModel model)
{
    private const string Suffix = " Regelen virker her, men ikke i Microsoft RulesEngine, som er referansen for regelformatet.";

    public IEnumerable<SandboxViolation> Check(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if ((SyntaxProblem(node) ?? SemanticProblem(node)) is { } problem)
            {
                yield return new SandboxViolation(node.Span, RuleDiagnosticCodes.OutsideCommonSubset, problem + Suffix);
            }
        }
    }

    private static string? SyntaxProblem(SyntaxNode node) => node switch
    {
        CastExpressionSyntax cast =>
            $"Typekonvertering '({cast.Type})…' kan ikke leses av RulesEngine: la tallet være som det er (for eksempel Math.Floor(x) i stedet for (int)Math.Floor(x)).",
        ObjectCreationExpressionSyntax { Type: var type } when type.ToString() is "LocalDate" or "NodaTime.LocalDate" =>
            "new LocalDate(…) kan ikke leses av RulesEngine: skriv datoen som Dates.Parse(\"2026-12-31\").",
        BaseObjectCreationExpressionSyntax creation =>
            $"'{Shorten(creation)}' kan ikke leses av RulesEngine: bruk en metode i faktaene i stedet for å lage objekter.",
        InterpolatedStringExpressionSyntax =>
            "Tekst med $\"…{…}\" kan ikke leses av RulesEngine: bruk $(…) i ErrorMessage.",
        IsPatternExpressionSyntax or SwitchExpressionSyntax =>
            "Mønstre ('is', 'switch') kan ikke leses av RulesEngine: skriv sammenligningene ut med ==, && og ||.",
        WithExpressionSyntax =>
            "'with' kan ikke leses av RulesEngine.",
        TupleExpressionSyntax =>
            "Tupler '(a, b)' kan ikke leses av RulesEngine.",
        CollectionExpressionSyntax =>
            "Lister skrevet [a, b] kan ikke leses av RulesEngine: skriv new[] { a, b }.",
        DefaultExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression } =>
            "'default' kan ikke leses av RulesEngine: skriv verdien (0, null, false).",
        _ => null,
    };

    private string? SemanticProblem(SyntaxNode node) =>
        node is BinaryExpressionSyntax binary
        && model.GetOperation(binary) is IBinaryOperation { IsLifted: true, OperatorMethod: not null } lifted
        && lifted.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
            ? $"'{binary}' sammenligner en verdi som kan mangle ({NullableOperand(lifted)}?) med {binary.OperatorToken.Text}, og det kan ikke RulesEngine: "
              + $"skriv x != null && x.Value {binary.OperatorToken.Text} … (den som kan mangle, er {NullableName(binary, lifted)})."
            : null;

    private static string NullableOperand(IBinaryOperation lifted) =>
        (lifted.LeftOperand.Type as INamedTypeSymbol ?? lifted.RightOperand.Type as INamedTypeSymbol) is { TypeArguments: [var inner] }
            ? inner.Name
            : lifted.OperatorMethod!.Parameters[0].Type.Name;

    private static string NullableName(BinaryExpressionSyntax binary, IBinaryOperation lifted) =>
        IsNullable(lifted.LeftOperand) ? binary.Left.ToString() : binary.Right.ToString();

    private static bool IsNullable(IOperation operand) =>
        (operand is IConversionOperation conversion ? conversion.Operand.Type : operand.Type) is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    private static string Shorten(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length <= 40 ? text : text[..37] + "…";
    }
}
