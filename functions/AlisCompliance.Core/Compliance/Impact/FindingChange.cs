namespace AlisCompliance.Core.Compliance.Impact;

/// <summary>A finding both rule sets produce for the same rule and ALIS, with a different verdict or text.</summary>
public sealed record FindingChange(Finding Before, Finding After)
{
    /// <summary>Same severity, outcome, message and legal reference: evidence alone does not make a change a leader would see.</summary>
    public static bool SameVerdict(Finding before, Finding after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Severity == after.Severity
            && string.Equals(before.Outcome, after.Outcome, StringComparison.Ordinal)
            && string.Equals(before.Message, after.Message, StringComparison.Ordinal)
            && string.Equals(before.LegalReference, after.LegalReference, StringComparison.Ordinal);
    }
}
