namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>A rule whose outcome in a test case was not the expected one.</summary>
public sealed record RuleTestFailure(string Source, string CaseName, string RuleId, string Expected, string Actual, string? Message)
{
    public override string ToString() =>
        $"{Source}: '{CaseName}': {RuleId} ga {Actual}, forventet {Expected}{(Message is null ? string.Empty : $" — {Message}")}";
}
