namespace AlisCompliance.Core.Rules;

internal static class RuleDiagnosticsFormatter
{
    public static string Describe(string headline, IReadOnlyList<RuleDiagnostic> diagnostics) =>
        diagnostics.Count == 0
            ? headline
            : headline + Environment.NewLine + string.Join(Environment.NewLine, diagnostics);
}
