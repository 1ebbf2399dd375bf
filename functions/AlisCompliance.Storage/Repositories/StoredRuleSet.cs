using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>A published rule-set version: its files (workflows, catalog, tests), when it takes effect, who published it and when.</summary>
public sealed record StoredRuleSet(string Version, IReadOnlyList<RuleSource> Files, LocalDate EffectiveFrom, string PublishedBy, Instant PublishedAt);
