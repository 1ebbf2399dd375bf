using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>Everything recorded about one ALIS's training.</summary>
public sealed record AlisRecord(
    string Id,
    string Name,
    string LeaderId,
    TrainingScheme Scheme,
    LocalDate? ConversionDate,
    LocalDate TrainingStart,
    LocalDate? SpecialistApprovedOn,
    IReadOnlyList<ServicePeriod> ServicePeriods,
    IReadOnlyList<LeavePeriod> Leave,
    IReadOnlyList<VeilederAssignment> VeilederAssignments,
    IReadOnlyList<SupervisionSession> SupervisionSessions,
    IReadOnlyList<GroupSupervisionMeeting> GroupSupervision,
    IReadOnlyList<GoalRecord> Goals,
    IReadOnlyList<Course> Courses,
    IReadOnlyList<ProcedureRecord> Procedures,
    IReadOnlyList<JointConsultation> JointConsultations,
    LocalDate? IndividualPlanCreatedOn,
    IReadOnlyList<PlanReview> PlanReviews,
    LocalDate? AlisAgreementSignedOn)
{
    /// <summary>
    /// The last day a time-limited individual plan covers (a shorter first contract, "tidsbegrenset plan ved kortere
    /// avtaler"); null when the plan covers the whole training. Service after it is not planned yet.
    /// </summary>
    public LocalDate? PlannedThrough { get; init; }
}
