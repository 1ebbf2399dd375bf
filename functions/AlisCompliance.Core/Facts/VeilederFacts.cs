using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>A veileder as assigned to one ALIS, with what makes him or her qualified (§ 25).</summary>
public sealed record VeilederFacts(
    string Id,
    LocalDate AssignedFrom,
    LocalDate? AssignedTo,
    LocalDate? SpecialistSince,
    LocalDate? ExemptionUntil,
    LocalDate? CourseCompletedOn,
    bool WorksInAlisMunicipality)
{
    public bool IsSpecialistOn(LocalDate date) => SpecialistSince is { } since && since <= date;

    /// <summary>An exemption is valid up to and including its last day.</summary>
    public bool HasExemptionOn(LocalDate date) => ExemptionUntil is { } until && date <= until;

    public bool IsQualifiedOn(LocalDate date) => IsSpecialistOn(date) || HasExemptionOn(date);

    public bool HasCourseOn(LocalDate date) => CourseCompletedOn is { } completed && completed <= date;

    /// <summary>Days from <paramref name="date"/> to the exemption's last day; null without an exemption.</summary>
    public int? DaysOfExemptionLeft(LocalDate date) =>
        ExemptionUntil is { } until ? Period.DaysBetween(date, until) : null;
}
