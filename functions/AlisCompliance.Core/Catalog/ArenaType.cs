namespace AlisCompliance.Core.Catalog;

public sealed record ArenaType(string Code, ArenaCategory Category, string Name);
