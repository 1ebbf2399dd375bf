namespace AlisCompliance.Core.Rules;

/// <summary>
/// Reads workflow files in Microsoft RulesEngine's JSON format. Never throws for bad input: every
/// problem comes back as a <see cref="RuleDiagnostic"/> with file, line and column. Reading the files is the
/// caller's business: Core does no I/O.
/// </summary>
public static class WorkflowReader
{
    /// <summary>Reads one workflow from <paramref name="json"/>; <paramref name="sourceName"/> names it in diagnostics.</summary>
    public static WorkflowReadResult Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return WorkflowJsonParser.Parse(json, sourceName);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A safety net: the parser reports problems itself, but a reader error must never escape as an exception.
            return Failed(sourceName, new SourcePosition(1, 1), RuleDiagnosticCodes.InvalidJson, $"Filen kunne ikke leses som en arbeidsflyt ({exception.GetType().Name}).");
        }
    }

    private static WorkflowReadResult Failed(string source, SourcePosition position, string code, string message) =>
        new([], [new RuleDiagnostic(source, null, null, null, position, code, message)]);
}
