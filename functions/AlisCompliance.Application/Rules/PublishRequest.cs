using NodaTime;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// What to publish: the bundle, from which date, why, whether only to show the impact, and who asks (an id). A dry run's
/// impact lists only <paramref name="ImpactMunicipalities"/> (the caller's region over HTTP); null lists every municipality
/// (the CLI, whose user holds the storage account's own credentials).
/// </summary>
public sealed record PublishRequest(RuleBundle Bundle, LocalDate EffectiveFrom, string? Note, bool DryRun, string ActorId, IReadOnlySet<string>? ImpactMunicipalities = null);
