namespace AlisCompliance.Core.Rules;

/// <summary>Workflow files could not be read; <see cref="Diagnostics"/> lists every problem.</summary>
public sealed class WorkflowReadException : Exception
{
    public WorkflowReadException()
        : this([])
    {
    }

    public WorkflowReadException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public WorkflowReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public WorkflowReadException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(RuleDiagnosticsFormatter.Describe($"Regelfilene har {diagnostics?.Count ?? 0} feil.", diagnostics ?? []))
    {
        Diagnostics = diagnostics ?? [];
    }

    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
