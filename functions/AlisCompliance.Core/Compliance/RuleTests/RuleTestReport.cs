namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>The outcome of running rules/tests: failed expectations, and problems with the test files themselves.</summary>
public sealed record RuleTestReport(int Cases, int Checks, IReadOnlyList<RuleTestFailure> Failures, IReadOnlyList<string> Errors)
{
    public bool Passed => Failures.Count == 0 && Errors.Count == 0;
}
