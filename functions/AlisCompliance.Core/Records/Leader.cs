namespace AlisCompliance.Core.Records;

/// <summary>The municipal leader (kommunal leder) who approves learning goals and receives alerts.</summary>
public sealed record Leader(string Id, string Name, string? Email);
