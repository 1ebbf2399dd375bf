namespace AlisCompliance.Core.Catalog;

/// <summary>A learning goal of the catalog: ALM (clinical, general practice) or FKM (common competence).</summary>
public sealed record LearningGoal(string Code, string Kind, string? Title);
