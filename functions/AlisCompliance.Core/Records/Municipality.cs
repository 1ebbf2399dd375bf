using NodaTime;

namespace AlisCompliance.Core.Records;

public sealed record Municipality(
    string Id,
    string Name,
    LocalDate? RegisteredEducationInstitutionSince,
    IReadOnlyList<Leader> Leaders,
    IReadOnlyList<Arena> Arenas);
