using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Checks a rule expression before anything is emitted: first the syntax rules may not use at all,
/// then every symbol and value type in its bound operation tree against the <see cref="AllowList"/>.
/// A refused node is reported once; what is inside it is not examined further.
/// </summary>
internal sealed partial class ExpressionSandbox(SemanticModel model, AllowList allowList)
{
    private const int MaxInterpolationAlignment = 1000;

    /// <param name="isStoredValue">True for GlobalParams/LocalParams, whose value is kept in a variable and in the evidence.</param>
    public IReadOnlyList<SandboxViolation> Check(ExpressionSyntax expression, bool isStoredValue)
    {
        var violations = new List<SandboxViolation>();
        CheckSyntax(expression, violations);
        if (violations.Count > 0)
        {
            return violations;
        }

        CheckSemantics(expression, violations);
        if (violations.Count == 0 && isStoredValue)
        {
            var info = model.GetTypeInfo(expression);
            var type = info.Type ?? info.ConvertedType;
            var refusal = type is { TypeKind: TypeKind.Delegate }
                ? "En parameter kan ikke holde en lambda eller delegat: bruk lambdaer (x => …) bare som argument til LINQ-metoder."
                : allowList.TypeRefusal(type);
            if (refusal is not null)
            {
                violations.Add(new SandboxViolation(expression.Span, RuleDiagnosticCodes.NotAllowed, refusal));
            }
        }

        return violations;
    }

    // An explicit stack instead of recursion: how deep a tree is does not matter here.
    private static void CheckSyntax(SyntaxNode root, List<SandboxViolation> violations)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (SyntaxRefusal(node) is { } refusal)
            {
                violations.Add(new SandboxViolation(node.Span, RuleDiagnosticCodes.ForbiddenSyntax, refusal));
                continue;
            }

            foreach (var child in node.ChildNodes().Reverse())
            {
                pending.Push(child);
            }
        }
    }

    private static string? SyntaxRefusal(SyntaxNode node)
    {
        switch (node.Kind())
        {
            case SyntaxKind.TypeOfExpression:
                return "'typeof' kan ikke brukes i regler: det fører til refleksjon.";
            case SyntaxKind.SizeOfExpression:
                return "'sizeof' kan ikke brukes i regler (usikker kode).";
            case SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression:
                return "'stackalloc' kan ikke brukes i regler.";
            case SyntaxKind.PointerType or SyntaxKind.FunctionPointerType or SyntaxKind.AddressOfExpression
                or SyntaxKind.PointerIndirectionExpression or SyntaxKind.PointerMemberAccessExpression:
                return "Pekere og usikker kode kan ikke brukes i regler.";
            case SyntaxKind.ArgListExpression:
                return "'__arglist' kan ikke brukes i regler.";
            case SyntaxKind.MakeRefExpression:
                return "'__makeref' kan ikke brukes i regler.";
            case SyntaxKind.RefTypeExpression:
                return "'__reftype' kan ikke brukes i regler.";
            case SyntaxKind.RefValueExpression:
                return "'__refvalue' kan ikke brukes i regler.";
            case SyntaxKind.RefExpression:
                return "'ref' kan ikke brukes i regler.";
            case SyntaxKind.QueryExpression:
                return "Spørresyntaks ('from … in … select …') kan ikke brukes i regler: skriv metodekall, f.eks. alis.Sessions.Where(s => …).Select(s => …).";
            case SyntaxKind.ThrowExpression:
                return "'throw' kan ikke brukes i regler.";
            case SyntaxKind.AnonymousMethodExpression:
                return "Anonyme metoder ('delegate { … }') kan ikke brukes i regler: gi en lambda (x => …) til en LINQ-metode i stedet.";
            case SyntaxKind.AwaitExpression:
                return "'await' kan ikke brukes i regler.";
            case SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression:
                return "'++' og '--' kan ikke brukes i regler: et uttrykk skal bare regne ut en verdi, ikke endre noe.";
            case SyntaxKind.AnonymousObjectCreationExpression:
                return "Anonyme typer ('new { … }') kan ikke brukes i regler: bruk et tuppel som (a, b).";
            case SyntaxKind.AttributeList:
                return "Attributter kan ikke brukes i regler.";
        }

        return node switch
        {
            ArrayCreationExpressionSyntax creation when creation.Type.RankSpecifiers.Any(rank => rank.Sizes.Any(size => !size.IsKind(SyntaxKind.OmittedArraySizeExpression))) =>
                "Tabeller med oppgitt størrelse ('new T[n]') kan ikke brukes i regler: list elementene i stedet, f.eks. new[] { a, b }.",
            AssignmentExpressionSyntax assignment when !IsInitializerMember(assignment) =>
                $"Tilordning ('{assignment.OperatorToken.Text}') kan ikke brukes i regler: et uttrykk skal bare regne ut en verdi, ikke endre noe. Sammenlign med '=='.",
            ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) =>
                $"'{argument.RefKindKeyword.Text}'-argumenter kan ikke brukes i regler: et uttrykk skal bare regne ut en verdi, ikke endre noe.",
            IdentifierNameSyntax identifier when identifier.Identifier.ValueText.StartsWith(ParameterNames.ReservedPrefix, StringComparison.Ordinal) =>
                ParameterNames.ReservedMessage(identifier.Identifier.ValueText),
            ParameterSyntax parameter when parameter.Identifier.ValueText.StartsWith(ParameterNames.ReservedPrefix, StringComparison.Ordinal) =>
                ParameterNames.ReservedMessage(parameter.Identifier.ValueText),
            AnonymousFunctionExpressionSyntax { Block: not null } =>
                "Lambdaer med setninger ('x => { … }') kan ikke brukes i regler: skriv et uttrykk etter pilen (x => …).",
            AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) =>
                "'async'-lambdaer kan ikke brukes i regler.",
            InterpolationFormatClauseSyntax format when HugeNumber().IsMatch(format.FormatStringToken.ValueText) =>
                $"Formatet ':{format.FormatStringToken.ValueText}' ber om for mange sifre (høyst 999).",
            _ => null,
        };
    }

    // Object and 'with' initializers set members of the object being created, which is no side effect.
    private static bool IsInitializerMember(AssignmentExpressionSyntax assignment) =>
        assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
        && assignment.Right is not InitializerExpressionSyntax
        && assignment.Parent is InitializerExpressionSyntax initializer
        && (initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression));

    private void CheckSemantics(ExpressionSyntax expression, List<SandboxViolation> violations)
    {
        // The bound operation tree carries every symbol and type, implicit ones included (conversions,
        // extension receivers, operators), and costs one binding instead of one query per syntax node.
        if (model.GetOperation(expression) is { } operation)
        {
            Visit(operation, violations);
        }
    }

    private void Visit(IOperation root, List<SandboxViolation> violations)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.TryPop(out var operation))
        {
            if (operation is INameOfOperation)
            {
                // nameof(…) only produces a constant string.
                continue;
            }

            if (Violation(operation) is { } violation)
            {
                violations.Add(violation);
                continue;
            }

            foreach (var child in operation.ChildOperations.Reverse())
            {
                pending.Push(child);
            }
        }
    }

    private SandboxViolation? Violation(IOperation operation)
    {
        if (operation is IInterpolationOperation { Alignment.ConstantValue: { HasValue: true, Value: int alignment } } && Math.Abs((long)alignment) > MaxInterpolationAlignment)
        {
            return new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.ForbiddenSyntax, $"En feltbredde på {alignment.ToString(CultureInfo.InvariantCulture)} i $\"{{…,n}}\" er for stor (høyst {MaxInterpolationAlignment}).");
        }

        if ((InvalidDateLiteral(operation) ?? InvalidDateConstruction(operation)) is { } dateViolation)
        {
            return dateViolation;
        }

        if (DeterminismCheck.Refusal(operation) is { } varying)
        {
            return new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.NotDeterministic, varying);
        }

        if (UnboundedSourceCheck.Refusal(operation) is { } unbounded)
        {
            return new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.NotAllowed, unbounded);
        }

        return (SymbolRefusal(operation) ?? ValueTypeRefusal(operation)) is { } refusal
            ? new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.NotAllowed, refusal)
            : null;
    }

    // A date written in the rule file is checked when the rules are compiled, not when a rule first runs.
    private static SandboxViolation? InvalidDateLiteral(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod: { Name: nameof(Dates.Parse), ContainingType: var type }, Arguments: [{ Value.ConstantValue: { HasValue: true, Value: var value } } argument] }
        && string.Equals(type.ToDisplayString(), typeof(Dates).FullName, StringComparison.Ordinal)
        && (value is not string text || !Dates.IsIsoDate(text))
            ? new SandboxViolation(argument.Syntax.Span, RuleDiagnosticCodes.InvalidDate, $"'{value}' er ikke en gyldig dato. {InputHints.DateHint(value as string ?? string.Empty)}")
            : null;

    // new LocalDate(2027, 6, 31) would throw when the rule first runs and take every rule of its workflow with it.
    private static SandboxViolation? InvalidDateConstruction(IOperation operation)
    {
        if (operation is not IObjectCreationOperation { Constructor.ContainingType: var type, Arguments: [var year, var month, var day] }
            || !string.Equals(type.ToDisplayString(), typeof(NodaTime.LocalDate).FullName, StringComparison.Ordinal)
            || year.Value.ConstantValue.Value is not int y || month.Value.ConstantValue.Value is not int m || day.Value.ConstantValue.Value is not int d)
        {
            return null;
        }

        var valid = y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= NodaTime.CalendarSystem.Iso.GetDaysInMonth(y, m);
        var written = string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}");
        return valid
            ? null
            : new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.InvalidDate, $"'{written}' er ikke en gyldig dato. {InputHints.DateHint(written)}");
    }

    private string? SymbolRefusal(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => allowList.SymbolRefusal(invocation.TargetMethod),
        IObjectCreationOperation { Constructor: { } constructor } => allowList.SymbolRefusal(constructor),
        IMethodReferenceOperation reference => allowList.SymbolRefusal(reference.Method),
        IPropertyReferenceOperation property => allowList.SymbolRefusal(property.Property),
        IFieldReferenceOperation field => allowList.SymbolRefusal(field.Field),
        IEventReferenceOperation reference => allowList.SymbolRefusal(reference.Event),
        IBinaryOperation { OperatorMethod: { } method } => allowList.SymbolRefusal(method),
        IUnaryOperation { OperatorMethod: { } method } => allowList.SymbolRefusal(method),
        IConversionOperation { OperatorMethod: { } method } => allowList.SymbolRefusal(method),
        IAnonymousFunctionOperation lambda => allowList.LambdaRefusal(lambda.Symbol),
        IDeclarationPatternOperation pattern => allowList.TypeRefusal(pattern.MatchedType),
        ITypePatternOperation pattern => allowList.TypeRefusal(pattern.MatchedType),
        IRecursivePatternOperation pattern => allowList.TypeRefusal(pattern.MatchedType)
            ?? (pattern.DeconstructSymbol is { } deconstruct ? allowList.SymbolRefusal(deconstruct) : null),
        IIsTypeOperation test => allowList.TypeRefusal(test.TypeOperand),
        IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation =>
            AllowList.DynamicRefusal,
        _ => null,
    };

    // Lambdas and method groups become delegates only as arguments; their own symbols are checked instead.
    private string? ValueTypeRefusal(IOperation operation) =>
        operation is IDelegateCreationOperation or IAnonymousFunctionOperation or IMethodReferenceOperation
            ? null
            : allowList.TypeRefusal(operation.Type);

    [GeneratedRegex(@"\d{4,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HugeNumber();
}
