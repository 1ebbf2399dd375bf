using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>An individual veileder and the facts that make him or her qualified (§ 25).</summary>
public sealed record Veileder(
    string Id,
    string Name,
    LocalDate? SpecialistSince,
    LocalDate? ExemptionUntil,
    LocalDate? VeilederCourseCompletedOn,
    string? WorkplaceMunicipalityId);
