namespace AlisCompliance.Core.Compliance;

/// <summary>The text of one rules file and the name it is reported under (usually its path).</summary>
public sealed record RuleSource(string Name, string Json);
