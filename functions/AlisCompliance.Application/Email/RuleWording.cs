namespace AlisCompliance.Application.Email;

/// <summary>
/// How an email names a rule: a short Norwegian title that fits after "Brudd: " in a subject, and what a leader can
/// usually do about it when the rule itself gives no advice.
/// </summary>
public sealed record RuleWording(string Title, string LeaderAction);
