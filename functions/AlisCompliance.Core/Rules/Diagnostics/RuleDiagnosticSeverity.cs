namespace AlisCompliance.Core.Rules;

public enum RuleDiagnosticSeverity
{
    /// <summary>The rule set is not used.</summary>
    Error,

    /// <summary>The rule set works here, but something is ignored or the files no longer run on Microsoft RulesEngine.</summary>
    Warning,
}
