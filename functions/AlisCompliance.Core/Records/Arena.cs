namespace AlisCompliance.Core.Records;

/// <summary>A learning arena (læringsarena) and the goals it can offer, from the municipality's arena table.</summary>
public sealed record Arena(string Id, string Name, string Type, IReadOnlyList<string> Goals);
