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
                ? "A parameter cannot hold a lambda or delegate: use lambdas only as arguments of LINQ methods."
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
                return "'typeof' is not allowed in rule expressions: it leads to reflection.";
            case SyntaxKind.SizeOfExpression:
                return "'sizeof' is not allowed in rule expressions (unsafe code).";
            case SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression:
                return "'stackalloc' is not allowed in rule expressions.";
            case SyntaxKind.PointerType or SyntaxKind.FunctionPointerType or SyntaxKind.AddressOfExpression
                or SyntaxKind.PointerIndirectionExpression or SyntaxKind.PointerMemberAccessExpression:
                return "Pointers and unsafe code are not allowed in rule expressions.";
            case SyntaxKind.ArgListExpression:
                return "'__arglist' is not allowed in rule expressions.";
            case SyntaxKind.MakeRefExpression:
                return "'__makeref' is not allowed in rule expressions.";
            case SyntaxKind.RefTypeExpression:
                return "'__reftype' is not allowed in rule expressions.";
            case SyntaxKind.RefValueExpression:
                return "'__refvalue' is not allowed in rule expressions.";
            case SyntaxKind.RefExpression:
                return "'ref' is not allowed in rule expressions.";
            case SyntaxKind.QueryExpression:
                return "Query syntax ('from … in … select …') is not supported: use method syntax, e.g. order.Lines.Where(l => …).Select(l => …).";
            case SyntaxKind.ThrowExpression:
                return "'throw' is not allowed in rule expressions.";
            case SyntaxKind.AnonymousMethodExpression:
                return "Anonymous methods ('delegate { … }') are not allowed: pass a lambda (x => …) to a LINQ method instead.";
            case SyntaxKind.AwaitExpression:
                return "'await' is not allowed in rule expressions.";
            case SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression:
                return "'++' and '--' are not allowed: rule expressions must be free of side effects.";
            case SyntaxKind.AnonymousObjectCreationExpression:
                return "Anonymous types ('new { … }') are not allowed in rule expressions; use a tuple such as (a, b).";
            case SyntaxKind.AttributeList:
                return "Attributes are not allowed in rule expressions.";
        }

        return node switch
        {
            ArrayCreationExpressionSyntax creation when creation.Type.RankSpecifiers.Any(rank => rank.Sizes.Any(size => !size.IsKind(SyntaxKind.OmittedArraySizeExpression))) =>
                "Array creation with an explicit size ('new T[n]') is not allowed: list the elements instead, e.g. new[] { a, b }.",
            AssignmentExpressionSyntax assignment when !IsInitializerMember(assignment) =>
                $"Assignment ('{assignment.OperatorToken.Text}') is not allowed: rule expressions must be free of side effects.",
            ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) =>
                $"'{argument.RefKindKeyword.Text}' arguments are not allowed: rule expressions must be free of side effects.",
            IdentifierNameSyntax identifier when identifier.Identifier.ValueText.StartsWith(ParameterNames.ReservedPrefix, StringComparison.Ordinal) =>
                $"'{identifier.Identifier.ValueText}' is reserved: names starting with '{ParameterNames.ReservedPrefix}' belong to the rules engine.",
            ParameterSyntax parameter when parameter.Identifier.ValueText.StartsWith(ParameterNames.ReservedPrefix, StringComparison.Ordinal) =>
                $"'{parameter.Identifier.ValueText}' is reserved: names starting with '{ParameterNames.ReservedPrefix}' belong to the rules engine.",
            AnonymousFunctionExpressionSyntax { Block: not null } =>
                "Statement lambdas ('x => { … }') are not allowed: use an expression lambda (x => …).",
            AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) =>
                "'async' lambdas are not allowed in rule expressions.",
            InterpolationFormatClauseSyntax format when HugeNumber().IsMatch(format.FormatStringToken.ValueText) =>
                $"The format ':{format.FormatStringToken.ValueText}' asks for too many digits (at most 999).",
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
            return new SandboxViolation(operation.Syntax.Span, RuleDiagnosticCodes.ForbiddenSyntax, $"An interpolation alignment of {alignment.ToString(CultureInfo.InvariantCulture)} is too wide (at most {MaxInterpolationAlignment}).");
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
            "'dynamic' is not allowed in rule expressions: every member must be known when the rules are compiled.",
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
