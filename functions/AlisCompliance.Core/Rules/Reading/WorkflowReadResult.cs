namespace AlisCompliance.Core.Rules;

/// <summary>
/// The workflows that were read without errors, and every problem found (warnings included). A file with
/// any error contributes no workflow.
/// </summary>
public sealed record WorkflowReadResult(IReadOnlyList<Workflow> Workflows, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(diagnostic => diagnostic.IsError);

    public IEnumerable<RuleDiagnostic> Warnings => Diagnostics.Where(diagnostic => !diagnostic.IsError);

    /// <summary>Returns the workflows, or throws when there was an error.</summary>
    /// <exception cref="WorkflowReadException">One or more files had errors.</exception>
    public IReadOnlyList<Workflow> EnsureSuccess() =>
        Succeeded ? Workflows : throw new WorkflowReadException(Diagnostics);

    internal static WorkflowReadResult Combine(IEnumerable<WorkflowReadResult> results)
    {
        var workflows = new List<Workflow>();
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var result in results)
        {
            workflows.AddRange(result.Workflows);
            diagnostics.AddRange(result.Diagnostics);
        }

        return new WorkflowReadResult(workflows, diagnostics);
    }
}
