namespace AlisCompliance.Core.Compliance.Explain;

/// <summary>How a rule came out for one ALIS, including the rules that did not run for it.</summary>
public enum RuleVerdict
{
    Passed,
    Failed,

    /// <summary>The rule threw: a fault in the rule, reported as an evaluation error.</summary>
    Error,

    /// <summary>The rule's <c>schemes</c> leave out the ALIS's scheme: it ran, but never gives a finding for this ALIS.</summary>
    NotForScheme,

    /// <summary>Disabled, or the date is outside its effective period: it did not run.</summary>
    NotInForce,
}
