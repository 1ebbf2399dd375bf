using System.Globalization;

namespace AlisCompliance.Core.Rules;

public sealed record RuleCompilerOptions
{
    /// <summary>The named inputs, in the order <see cref="CompiledRuleSet.Evaluate(IReadOnlyList{object?}, NodaTime.LocalDate)"/> takes them.</summary>
    public required IReadOnlyList<RuleParameter> Parameters { get; init; }

    /// <summary>
    /// Extra types expressions may use with all their public members (the caller's facts types, enums …).
    /// Parameter types and their generic arguments are always allowed. An open generic definition
    /// (typeof(Foo&lt;&gt;)) allows every construction of it over allowed types.
    /// </summary>
    public IReadOnlyList<Type> AllowedTypes { get; init; } = [];

    /// <summary>Formats the values of $(…) placeholders in ErrorMessage.</summary>
    public Func<object?, string> FormatValue { get; init; } = FormatInvariant;

    /// <summary>How much time and memory each top-level rule may use for one set of inputs before it is stopped.</summary>
    public EvaluationBudget Budget { get; init; } = EvaluationBudget.Default;

    /// <summary>
    /// For explaining only: the input whose reads the generated code records (see <see cref="CompiledRuleSet.Trace"/>).
    /// Null, the default, generates the normal code without any recording.
    /// </summary>
    public string? RecordReadsOf { get; init; }

    public static string FormatInvariant(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
