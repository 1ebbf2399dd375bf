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
    LocalDate? AlisAgreementSignedOn);
