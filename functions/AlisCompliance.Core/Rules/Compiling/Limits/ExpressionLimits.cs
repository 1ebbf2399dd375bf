namespace AlisCompliance.Core.Rules;

/// <summary>
/// How large and how deeply nested one rule expression may be. Roslyn's binder and the sandbox walk the
/// syntax recursively, so these are checked on the text before anything parses it.
/// </summary>
internal static class ExpressionLimits
{
    /// <summary>Characters in one Expression, LocalParam, GlobalParam or ErrorMessage placeholder.</summary>
    public const int MaxLength = 3000;

    /// <summary>Parentheses, brackets and braces inside one another.</summary>
    public const int MaxNestingDepth = 40;

    /// <summary>Lambdas inside lambdas (alis.Sessions.Any(s => s.Items.Any(i => …)) is depth 2).</summary>
    /// <remarks>
    /// Roslyn binds a nested lambda once per overload of every enclosing call: six Sum lambdas inside one another took
    /// more than five minutes to compile, four took 16 s, three 4 s. The rules use one at most.
    /// </remarks>
    public const int MaxLambdaDepth = 3;

    /// <summary>Lambdas in one expression, nested or not: each nest of <see cref="MaxLambdaDepth"/> costs seconds to compile.</summary>
    public const int MaxLambdas = 8;

    /// <summary>Operators and arguments in one expression (a &amp;&amp; b &amp;&amp; c has 3 terms).</summary>
    public const int MaxTerms = 600;
}
