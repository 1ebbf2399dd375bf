using System.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// One problem in a rule set, pointing at the JSON file position it comes from.
/// <see cref="Code"/> is Roslyn's (CSxxxx) for C# errors or one of <see cref="RuleDiagnosticCodes"/>.
/// </summary>
public sealed record RuleDiagnostic(
    string SourceFile,
    string? WorkflowName,
    string? RulePath,
    string? Field,
    SourcePosition Position,
    string Code,
    string Message)
{
    public RuleDiagnosticSeverity Severity { get; init; } = RuleDiagnosticSeverity.Error;

    public bool IsError => Severity == RuleDiagnosticSeverity.Error;

    public int Line => Position.Line;

    public int Column => Position.Column;

    /// <summary>Formats like a compiler: <c>file(line,col): RULE Field: error CODE: message</c> (or <c>warning</c>).</summary>
    public override string ToString()
    {
        var text = new StringBuilder(SourceFile);
        text.Append(Position.ToString()).Append(':');
        var location = string.Join(' ', new[] { RulePath, Field }.Where(part => !string.IsNullOrEmpty(part)));
        if (location.Length > 0)
        {
            text.Append(' ').Append(location).Append(':');
        }

        return text.Append(IsError ? " error " : " warning ").Append(Code).Append(": ").Append(Message).ToString();
    }
}
