namespace AlisCompliance.Core.Rules;

/// <summary>A rule set did not compile; <see cref="Diagnostics"/> lists every error, in file order.</summary>
public sealed class RuleSetCompilationException : Exception
{
    public RuleSetCompilationException()
        : this([])
    {
    }

    public RuleSetCompilationException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public RuleSetCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public RuleSetCompilationException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(RuleDiagnosticsFormatter.Describe($"Regelsettet har {diagnostics?.Count ?? 0} feil.", diagnostics ?? []))
    {
        Diagnostics = diagnostics ?? [];
    }

    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
