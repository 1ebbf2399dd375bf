using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// One audited write: who (an actor id, never a name or email), what action, on what (ids), when, and details as JSON
/// holding ids and counts only; the SHA-256 of the content (a records file, a rule set, a page shown) when there was one.
/// </summary>
public sealed record AuditEntry(string Id, Instant At, string ActorId, string Action, string TargetId, string? Details, string? ContentHash = null);
