using NodaTime;

namespace AlisCompliance.Core.Records;

public enum GoalStatus
{
    InProgress,
    Approved,
}

/// <summary>The ALIS's status on one learning goal, and for an approved goal what the approval rests on (§ 26).</summary>
public sealed record GoalRecord(
    string Id,
    string Goal,
    GoalStatus Status,
    LocalDate? ApprovedOn,
    string? ApprovedByLeaderId,
    string? ArenaId,
    IReadOnlyList<Recommendation> Recommendations);
