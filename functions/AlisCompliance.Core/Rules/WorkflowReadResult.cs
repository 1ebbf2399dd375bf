namespace AlisCompliance.Core.Rules;

/// <summary>
/// The workflows that were read without problems, and every problem found. A file with any problem
/// contributes no workflow.
/// </summary>
public sealed record WorkflowReadResult(IReadOnlyList<Workflow> Workflows, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.Count == 0;

    /// <summary>Returns the workflows, or throws when anything was wrong.</summary>
    /// <exception cref="WorkflowReadException">One or more files had problems.</exception>
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
