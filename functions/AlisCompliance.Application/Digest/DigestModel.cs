using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// One municipality's weekly digest: open findings by severity, what changed this week, each ALIS's progress, and the
/// coming deadlines. Built by <see cref="DigestBuilder"/>, written by <see cref="DigestEmailComposer"/>.
/// </summary>
public sealed record DigestModel(
    string MunicipalityId,
    string MunicipalityName,
    LocalDate AsOf,
    int IsoWeekYear,
    int IsoWeek,
    IReadOnlyList<DigestSeverityGroup> OpenFindings,
    IReadOnlyList<DigestChangeLine> Changes,
    IReadOnlyList<DigestAlisProgress> Alis,
    IReadOnlyList<DigestDeadline> Deadlines)
{
    public int OpenCount(Severity severity) =>
        OpenFindings.Where(group => group.Severity == severity).Sum(group => group.Findings.Count);
}

/// <summary>The open findings of one severity, worst ALIS first.</summary>
public sealed record DigestSeverityGroup(Severity Severity, IReadOnlyList<DigestFindingLine> Findings);

/// <summary>An open finding as the digest lists it. <see cref="FirstSeen"/> is the Oslo date it first appeared.</summary>
public sealed record DigestFindingLine(string AlisId, string? AlisName, string RuleId, Severity Severity, string Message, string LegalReference, LocalDate FirstSeen);

/// <summary>A change this week. <see cref="On"/> is the Oslo date.</summary>
public sealed record DigestChangeLine(string AlisId, string? AlisName, string RuleId, FindingTransitionKind Kind, Severity? Before, Severity? After, LocalDate On);

/// <summary>
/// One ALIS's progress. <see cref="LongestSupervisionGapDays"/> and <see cref="VeilederWorkplace"/> are the quality
/// signals of the KVALIS study: regular supervision with a veileder at the same workplace is what works.
/// </summary>
public sealed record DigestAlisProgress(
    string AlisId,
    string? Name,
    Severity? Worst,
    int OpenFindings,
    IReadOnlyList<MonthlySupervision> SupervisionByMonth,
    double MonthlyTargetHours,
    DigestTrainingYear TrainingYear,
    DigestServiceTime ServiceTime,
    int ApprovedGoals,
    int TotalGoals,
    int? LongestSupervisionGapDays,
    LocalDate? LastSupervision,
    string? VeilederId,
    VeilederWorkplace VeilederWorkplace);

/// <summary>Supervision hours in one calendar month; <see cref="InTraining"/> is false for a month wholly on leave or outside training.</summary>
public sealed record MonthlySupervision(YearMonth Month, double Hours, bool InTraining);

/// <summary>The current training year: hours so far against what the year owes.</summary>
public sealed record DigestTrainingYear(int Number, LocalDate From, LocalDate To, double Hours, double ExpectedHours);

/// <summary>Countable service (FTE years) done by the as-of date, in the whole plan (null when it runs until further notice), and required.</summary>
public sealed record DigestServiceTime(double DoneYears, double? PlannedYears, double RequiredYears, LocalDate? PlannedEnd, LocalDate? ProjectedCompletion);

/// <summary>Where the current veileder works, compared with the ALIS's municipality.</summary>
public enum VeilederWorkplace
{
    NoVeileder,
    Unknown,
    SameMunicipality,
    OtherMunicipality,
}

/// <summary>A coming deadline. <see cref="AlisIds"/> are the ALIS it concerns.</summary>
public sealed record DigestDeadline(LocalDate Date, DigestDeadlineKind Kind, IReadOnlyList<string> AlisIds, int DaysLeft, string Description);

public enum DigestDeadlineKind
{
    TransitionScheme,
    VeilederExemption,
    TrainingYearEnd,
    PlanReview,
    ServiceCompletion,
    PlannedServiceEnd,
}
