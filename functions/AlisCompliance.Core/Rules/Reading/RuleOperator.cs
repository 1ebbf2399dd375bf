namespace AlisCompliance.Core.Rules;

/// <summary>How the results of nested rules combine into their parent's result.</summary>
public enum RuleOperator
{
    And,
    AndAlso,
    Or,
    OrElse,
}
