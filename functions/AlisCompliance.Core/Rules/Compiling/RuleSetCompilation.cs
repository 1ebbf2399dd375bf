using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>One run of <see cref="RuleCompiler.Compile"/>.</summary>
internal sealed class RuleSetCompilation(IReadOnlyList<Workflow> workflows, RuleCompilerOptions options)
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true,
        nullableContextOptions: NullableContextOptions.Disable,
        allowUnsafe: false);

    public const string DirectiveRefusal = "Preprosessordirektiver ('#…') kan ikke brukes i regler.";

    private static int loadContextCount;

    private readonly List<RuleDiagnostic> diagnostics = [];
    private readonly List<RuleDiagnostic> warnings = [];

    public CompiledRuleSet Compile()
    {
        ValidateOptions(options);
        var plans = workflows.Select(WorkflowPlan.Create).ToList();
        var scope = new RuleScopeValidator(options.Parameters, diagnostics).Validate(plans);

        var callerTypes = options.Parameters.Select(parameter => parameter.Type).Concat(options.AllowedTypes).ToList();
        var shell = CSharpCompilation.Create(GeneratedAssembly.Name, references: RuleReferences.For(callerTypes), options: CompilationOptions);
        var parameterTypes = options.Parameters.Select(parameter => TypeSymbolResolver.Resolve(shell, parameter.Type)).ToList();
        var allowedTypes = options.AllowedTypes.Select(type => TypeSymbolResolver.Resolve(shell, type)).ToList();
        if (allowedTypes.FirstOrDefault(AllowList.CanNeverBeTrusted) is { } unsafeType)
        {
            throw new ArgumentException($"'{AllowList.Display(unsafeType)}' cannot be an allowed type: it leads to reflection, I/O or code execution.", nameof(options));
        }

        var trustedTypes = parameterTypes.Concat(allowedTypes).ToList();
        var allowList = AllowList.Create(shell, trustedTypes);
        var inputs = options.Parameters
            .Select((parameter, index) => new GeneratedInput(parameter.Name, parameterTypes[index].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))
            .ToList();
        var source = RuleSourceGenerator.Generate(plans, inputs, UsingDirectives(trustedTypes), scope, diagnostics, ParseOptions);

        var tree = CSharpSyntaxTree.ParseText(source.Text, ParseOptions);
        var compilation = shell.AddSyntaxTrees(tree);
        var model = compilation.GetSemanticModel(tree);
        var map = new GeneratedSourceMap(source, scope, model);
        CheckSandbox(source, tree.GetRoot(), new ExpressionSandbox(model, allowList), new CommonSubsetCheck(model));
        if (diagnostics.Count > 0)
        {
            AddCompilerErrors(model.GetDiagnostics(), map);
            throw new RuleSetCompilationException(Ordered(diagnostics));
        }

        // Every expression passed the allow-list; what is emitted is the same code with budget probes in its lambdas.
        // Emitting binds it once; only when that fails are the unprobed code's errors, whose positions map back
        // to the rule files, computed. The image is only loaded when there are none.
        using var image = new MemoryStream();
        var probed = options.RecordReadsOf is { } root
            ? FactProbes.Insert(tree, model, source.Expressions.Select(segment => (EmbeddedExpression(tree.GetRoot(), segment)!, segment.Site)), root, ParseOptions)
            : tree;
        var emitted = compilation.ReplaceSyntaxTree(tree, BudgetProbes.Insert(probed, ParseOptions)).Emit(image);
        if (!emitted.Success)
        {
            AddCompilerErrors(model.GetDiagnostics(), map);
            throw new RuleSetCompilationException(diagnostics.Count > 0 ? Ordered(diagnostics) : [InternalError("Regelmotoren kunne ikke bygge de kompilerte reglene. Dette er en feil i AlisCompliance, ikke i regelfilene.")]);
        }

        image.Position = 0;
        return Load(image, plans, source);
    }

    private static RuleDiagnostic InternalError(string message) =>
        new("(generated)", null, null, null, default, RuleDiagnosticCodes.InternalError, message);

    private void AddCompilerErrors(IEnumerable<Diagnostic> found, GeneratedSourceMap map) =>
        diagnostics.AddRange(found
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(map.Map)
            .OfType<RuleDiagnostic>());

    private static void ValidateOptions(RuleCompilerOptions options)
    {
        if (options.Parameters is null || options.AllowedTypes is null || options.FormatValue is null)
        {
            throw new ArgumentException("Parameters, AllowedTypes and FormatValue must all be set.", nameof(options));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in options.Parameters)
        {
            if (ParameterNames.Problem(parameter.Name) is { } problem)
            {
                throw new ArgumentException($"Parameter {problem}", nameof(options));
            }

            if (!names.Add(parameter.Name))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' is declared more than once.", nameof(options));
            }

            if (TypeProblem(parameter.Type) is { } typeProblem)
            {
                throw new ArgumentException($"Parameter '{parameter.Name}': {typeProblem}", nameof(options));
            }
        }

        if (options.RecordReadsOf is { } recorded && !names.Contains(recorded))
        {
            throw new ArgumentException($"RecordReadsOf: '{recorded}' is none of the parameters.", nameof(options));
        }

        foreach (var type in options.AllowedTypes)
        {
            if (TypeProblem(type) is { } typeProblem)
            {
                throw new ArgumentException($"Allowed type: {typeProblem}", nameof(options));
            }
        }
    }

    private static string? TypeProblem(Type? type) =>
        type is null || !type.IsVisible || (type.ContainsGenericParameters && !type.IsGenericTypeDefinition) || type.IsByRef || type.IsPointer
            ? $"type '{type?.ToString() ?? "null"}' must be a public, non-pointer type the generated code can name."
            : null;

    private void CheckSandbox(GeneratedRuleSource source, SyntaxNode root, ExpressionSandbox sandbox, CommonSubsetCheck subset)
    {
        foreach (var segment in source.Expressions)
        {
            var site = segment.Site;
            if (EmbeddedExpression(root, segment) is not { } expression)
            {
                // Cannot happen for text that parsed on its own; refusing keeps unchecked code from ever running.
                diagnostics.Add(site.Diagnostic(0, RuleDiagnosticCodes.ForbiddenSyntax, "Uttrykket står ikke på egen hånd i koden regelmotoren lager. Sjekk at parenteser og anførselstegn er balansert."));
                continue;
            }

            // Directives at the very end of an expression attach to the following token, so they are looked for in the text.
            var directive = root.DescendantTrivia(TextSpan.FromBounds(segment.Start, segment.End + 1), descendIntoTrivia: true)
                .FirstOrDefault(trivia => trivia.IsDirective && trivia.SpanStart >= segment.Start && trivia.SpanStart <= segment.End);
            if (directive.IsDirective)
            {
                diagnostics.Add(site.Diagnostic(directive.SpanStart - segment.Start, RuleDiagnosticCodes.ForbiddenSyntax, DirectiveRefusal));
                continue;
            }

            var isStoredValue = site.Role is ExpressionRole.GlobalParam or ExpressionRole.LocalParam;
            var violations = sandbox.Check(expression, isStoredValue);

            // A refusal stays a refusal ('a = b' is an assignment here), but names the C# the author meant.
            var spelling = violations.Count > 0 ? DynamicLinqSpelling.Find(site.Text) : null;
            foreach (var violation in violations)
            {
                diagnostics.Add(site.Diagnostic(violation.Span.Start - segment.Start, violation.Code, InputHints.WithHint(violation.Message, spelling?.Message)));
            }

            if (violations.Count == 0)
            {
                warnings.AddRange(subset.Check(expression).Select(warning =>
                    site.Diagnostic(warning.Span.Start - segment.Start, warning.Code, warning.Message) with { Severity = RuleDiagnosticSeverity.Warning }));
            }
        }
    }

    /// <summary>The expression node that exactly fills the parentheses the segment was pasted into.</summary>
    private static ExpressionSyntax? EmbeddedExpression(SyntaxNode root, ExpressionSegment segment)
    {
        var open = root.FindToken(segment.Start - 2);
        return open.IsKind(SyntaxKind.OpenParenToken)
               && open.Parent is ParenthesizedExpressionSyntax parenthesized
               && parenthesized.OpenParenToken.SpanStart == segment.Start - 2
               && parenthesized.CloseParenToken.SpanStart == segment.End + 1
               && !parenthesized.Expression.IsMissing
            ? parenthesized.Expression
            : null;
    }

    private static List<string> UsingDirectives(IEnumerable<ITypeSymbol> trustedTypes)
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { "NodaTime", "System", "System.Collections.Generic", "System.Linq" };
        var aliases = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var type in trustedTypes.SelectMany(Flatten).OfType<INamedTypeSymbol>())
        {
            if (type.ContainingType is not null)
            {
                // Nested types are not reachable through a namespace import; an alias makes 'Inner' work as well.
                if (!type.IsGenericType)
                {
                    var target = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    aliases[type.Name] = aliases.TryGetValue(type.Name, out var existing) && !string.Equals(existing, target, StringComparison.Ordinal) ? null : target;
                }
            }
            else if (type.ContainingNamespace is { IsGlobalNamespace: false } space)
            {
                namespaces.Add(space.ToDisplayString());
            }
        }

        aliases[nameof(Dates)] = "global::" + typeof(Dates).FullName;
        return
        [
            .. namespaces.Select(space => $"using {space};"),
            .. aliases.Where(alias => alias.Value is not null).Select(alias => $"using {alias.Key} = {alias.Value};"),
        ];

        static IEnumerable<ITypeSymbol> Flatten(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => Flatten(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.SelectMany(Flatten).Prepend(named),
            _ => [type],
        };
    }

    private static List<RuleDiagnostic> Ordered(IEnumerable<RuleDiagnostic> found) =>
    [
        .. found.Distinct()
            .OrderBy(diagnostic => diagnostic.SourceFile, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Line)
            .ThenBy(diagnostic => diagnostic.Column)
            .ThenBy(diagnostic => diagnostic.Code, StringComparer.Ordinal),
    ];

    private CompiledRuleSet Load(MemoryStream image, List<WorkflowPlan> plans, GeneratedRuleSource source)
    {
        var context = new AssemblyLoadContext($"{GeneratedAssembly.Name}#{Interlocked.Increment(ref loadContextCount)}", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(image).GetType(GeneratedAssembly.FullTypeName, throwOnError: true)!;
            var compiled = plans
                .Select(plan => new CompiledWorkflow(
                    plan.Workflow.Name,
                    type.GetMethod(GeneratedAssembly.WorkflowMethodName(plan.Index))!.CreateDelegate<WorkflowEvaluator>(),
                    BuildMetadata(plan),
                    [.. plan.TopLevel.Select(node => node.Index)],
                    [.. plan.Workflow.GlobalParams.Select(parameter => parameter.Name)]))
                .ToList();
            return new CompiledRuleSet(compiled, options.Parameters, options.FormatValue, context, source.Text)
            {
                Warnings = Ordered(warnings), Budget = options.Budget, RecordsReads = options.RecordReadsOf is not null,
            };
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static RuleMetadata[] BuildMetadata(WorkflowPlan plan)
    {
        var nodes = new RuleMetadata[plan.Nodes.Count];
        foreach (var node in plan.TopLevel)
        {
            Build(node);
        }

        return nodes;

        RuleMetadata Build(RuleNode node)
        {
            var definition = node.Definition;
            var metadata = new RuleMetadata(
                definition.Name,
                node.Path,
                plan.Workflow.Name,
                plan.Workflow.SourceFile,
                definition.NamePosition,
                definition.Enabled,
                definition.EffectivePeriod,
                definition.Operator,
                definition.SuccessEvent,
                definition.Properties,
                [.. definition.LocalParams.Select(parameter => parameter.Name)],
                [.. node.Children.Select(Build)]);
            nodes[node.Index] = metadata;
            return metadata;
        }
    }
}
