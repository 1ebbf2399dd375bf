using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// One publication of a rule set, immutable: which content (the bundle's hash), from which date it is in force, who
/// published it, when, and why. Publishing the same content again (an undo) is a new publication with its own id.
/// </summary>
public sealed record RuleSetPublication(string Id, string ContentHash, LocalDate EffectiveFrom, string PublishedBy, Instant PublishedAt, string Note)
{
    /// <summary>The publication in force on a date: the latest effective date that has come; ties go to the later published.</summary>
    public static RuleSetPublication? InForceOn(IEnumerable<RuleSetPublication> publications, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(publications);
        return publications
            .Where(publication => publication.EffectiveFrom <= date)
            .OrderByDescending(publication => publication.EffectiveFrom)
            .ThenByDescending(publication => publication.PublishedAt)
            .ThenByDescending(publication => publication.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
