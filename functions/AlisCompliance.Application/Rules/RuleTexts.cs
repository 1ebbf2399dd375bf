using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Application.Rules;

/// <summary>What a rule's properties tell a leader beyond the finding: what to do, and by when.</summary>
public static class RuleTexts
{
    /// <summary>The rule's <c>leaderAction</c> property (Norwegian), looked up through its parents for escalation children.</summary>
    public static string? LeaderAction(ComplianceRuleSet ruleSet, string ruleId) => Property(ruleSet, ruleId, "leaderAction");

    /// <summary>The rule's <c>deadline</c> property (ISO date), if it has one.</summary>
    public static LocalDate? Deadline(ComplianceRuleSet ruleSet, string ruleId) =>
        Property(ruleSet, ruleId, "deadline") is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    private static string? Property(ComplianceRuleSet ruleSet, string ruleId, string name)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        foreach (var rule in ruleSet.Rules)
        {
            if (Find(rule, ruleId, name, inherited: null) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Find(RuleMetadata rule, string ruleId, string name, string? inherited)
    {
        var own = rule.Properties.GetString(name) ?? inherited;
        if (string.Equals(rule.Name, ruleId, StringComparison.Ordinal))
        {
            return own;
        }

        return rule.Children.Select(child => Find(child, ruleId, name, own)).FirstOrDefault(value => value is not null);
    }
}
