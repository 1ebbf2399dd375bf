namespace AlisCompliance.Core.Compliance;

/// <summary>How an ALIS's finding for one rule changed between two evaluations: what a leader is alerted about.</summary>
public enum FindingTransitionKind
{
    /// <summary>The rule fails now and did not before.</summary>
    New,

    /// <summary>The rule failed before and fails now with a worse severity.</summary>
    Escalated,

    /// <summary>The rule failed before and fails now with a milder severity.</summary>
    DeEscalated,

    /// <summary>The rule failed before and passes now.</summary>
    Resolved,
}

/// <summary>The open finding one rule had for one ALIS before an evaluation: all a transition needs of it.</summary>
public sealed record OpenFinding(string RuleId, Severity Severity);

/// <summary>One change of one rule's finding. <see cref="Current"/> is null for a resolved finding.</summary>
public sealed record FindingTransition(FindingTransitionKind Kind, string RuleId, Severity? Before, Severity? After, Finding? Current);

/// <summary>
/// Compares the open findings stored for one ALIS with those of a new evaluation. Pure: only changes come out, so an
/// unchanged finding (same rule, same severity, whatever its message or evidence) never raises an alert.
/// </summary>
public static class FindingTransitions
{
    /// <summary>The transitions, ordered by rule id (ordinal), so the same inputs always give the same list.</summary>
    public static IReadOnlyList<FindingTransition> Compare(IEnumerable<OpenFinding> before, IEnumerable<Finding> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var previous = Unique(before, finding => finding.RuleId, "before");
        var current = Unique(after, finding => finding.RuleId, "after");

        var transitions = new List<FindingTransition>();
        foreach (var (ruleId, finding) in current)
        {
            if (!previous.TryGetValue(ruleId, out var old))
            {
                transitions.Add(new FindingTransition(FindingTransitionKind.New, ruleId, null, finding.Severity, finding));
            }
            else if (finding.Severity > old.Severity)
            {
                transitions.Add(new FindingTransition(FindingTransitionKind.Escalated, ruleId, old.Severity, finding.Severity, finding));
            }
            else if (finding.Severity < old.Severity)
            {
                transitions.Add(new FindingTransition(FindingTransitionKind.DeEscalated, ruleId, old.Severity, finding.Severity, finding));
            }
        }

        foreach (var (ruleId, old) in previous)
        {
            if (!current.ContainsKey(ruleId))
            {
                transitions.Add(new FindingTransition(FindingTransitionKind.Resolved, ruleId, old.Severity, null, null));
            }
        }

        transitions.Sort((left, right) => string.CompareOrdinal(left.RuleId, right.RuleId));
        return transitions;
    }

    private static SortedDictionary<string, T> Unique<T>(IEnumerable<T> findings, Func<T, string> ruleId, string which)
    {
        var byRule = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!byRule.TryAdd(ruleId(finding), finding))
            {
                throw new ArgumentException($"Rule '{ruleId(finding)}' has more than one finding {which} the evaluation; one ALIS has at most one finding per rule.", nameof(findings));
            }
        }

        return byRule;
    }
}
