using NodaTime;

namespace AlisCompliance.Application.Rules;

/// <summary>What to publish: the bundle, from which date, why, whether only to show the impact, and who asks (an id).</summary>
public sealed record PublishRequest(RuleBundle Bundle, LocalDate EffectiveFrom, string? Note, bool DryRun, string ActorId);
