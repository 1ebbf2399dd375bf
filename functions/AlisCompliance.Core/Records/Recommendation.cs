using NodaTime;

namespace AlisCompliance.Core.Records;

public enum RecommenderRole
{
    Veileder,
    Supervisor,
}

/// <summary>A recommendation (anbefaling) that a goal is reached, from the veileder or a supervisor.</summary>
public sealed record Recommendation(RecommenderRole Role, string PersonId, LocalDate? Date);
