using System.Globalization;
using AlisCompliance.Core.Compliance.RuleTests;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// One reason a rule-set bundle is refused, in Norwegian: where (file, rule, line and column for a rule; the test case for
/// a failing test) and what.
/// </summary>
public sealed record PublishProblem(string? File, string Message)
{
    public string? Rule { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public string? TestCase { get; init; }

    public static PublishProblem Of(RuleDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var field = string.IsNullOrEmpty(diagnostic.Field) ? string.Empty : $"{diagnostic.Field}: ";
        return new PublishProblem(diagnostic.SourceFile, $"{field}{diagnostic.Code}: {diagnostic.Message}")
        {
            Rule = diagnostic.RulePath,
            Line = diagnostic.Line,
            Column = diagnostic.Column,
        };
    }

    public static PublishProblem Of(RuleTestFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var message = failure.Message is null ? string.Empty : $" — {failure.Message}";
        return new PublishProblem(failure.Source, $"testen feiler: {failure.RuleId} ga {failure.Actual}, forventet {failure.Expected}{message}")
        {
            Rule = failure.RuleId,
            TestCase = failure.CaseName,
        };
    }

    /// <summary>Like a compiler: <c>file(line,col): RULE: 'case': message</c>, leaving out what is not known.</summary>
    public override string ToString()
    {
        var position = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"({line},{Column ?? 1})") : string.Empty;
        var parts = new[] { File is null ? null : File + position, Rule, TestCase is null ? null : $"'{TestCase}'" }.Where(part => part is not null);
        var where = string.Join(": ", parts);
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}
