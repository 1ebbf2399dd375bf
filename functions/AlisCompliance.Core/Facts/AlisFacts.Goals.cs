using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    /// <summary>Number of goals in the catalog (ALM and FKM).</summary>
    public int CatalogGoalCount => _catalog.Goals.Count;

    /// <summary>
    /// Catalog goals that no arena of the plan (done and planned periods) can offer, per the municipality's arena table.
    /// </summary>
    public IReadOnlyList<string> UncoveredGoals
    {
        get
        {
            // Each arena once, however many periods the plan has there (GP office before and after the hospital …).
            var arenaIds = new List<string>(ServicePeriods.Count);
            var offered = new HashSet<string>(_catalog.Goals.Count, StringComparer.Ordinal);
            foreach (var period in ServicePeriods)
            {
                if (arenaIds.Contains(period.ArenaId, StringComparer.Ordinal))
                {
                    continue;
                }

                arenaIds.Add(period.ArenaId);
                if (FindArena(Municipality.Arenas, period.ArenaId) is { } arena)
                {
                    offered.UnionWith(arena.Goals);
                }
            }

            var uncovered = new List<string>();
            foreach (var goal in _catalog.Goals)
            {
                if (!offered.Contains(goal.Code))
                {
                    uncovered.Add(goal.Code);
                }
            }

            return uncovered.ToArray();
        }
    }

    /// <summary>Goals approved on or before the date.</summary>
    public int ApprovedGoalCount(LocalDate asOf)
    {
        var count = 0;
        foreach (var goal in _alis.Goals)
        {
            if (IsApprovedBy(goal, asOf))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Share of the catalog's goals approved by the date, from 0 to 1.</summary>
    public double ApprovedGoalFraction(LocalDate asOf) =>
        CatalogGoalCount == 0 ? 0 : (double)ApprovedGoalCount(asOf) / CatalogGoalCount;

    /// <summary>
    /// Approved goals whose approval does not rest on § 26: a recommendation from the veileder, one from at least one
    /// supervisor, both given on or before the approval, and the leader's approval.
    /// </summary>
    public IReadOnlyList<string> ApprovedGoalsLackingAssessment(LocalDate asOf)
    {
        List<string>? lacking = null;
        foreach (var goal in _alis.Goals)
        {
            if (IsApprovedBy(goal, asOf) && !RestsOnAssessment(goal))
            {
                (lacking ??= []).Add(goal.Goal);
            }
        }

        if (lacking is null)
        {
            return [];
        }

        // Equal codes are equal strings, so an unstable sort orders them as OrderBy would.
        lacking.Sort(StringComparer.Ordinal);
        return lacking.ToArray();
    }

    /// <summary>
    /// Goals approved by the date at an arena (<c>goals[].arenaId</c>) whose entry in the municipality's arena table
    /// does not list the goal, as "ALM-055 (Legesenteret)". Goals approved without an arena are not judged.
    /// </summary>
    public IReadOnlyList<string> GoalsApprovedAtArenaNotOfferingThem(LocalDate asOf)
    {
        List<string>? approvedElsewhere = null;
        foreach (var goal in _alis.Goals)
        {
            if (IsApprovedBy(goal, asOf)
                && goal.ArenaId is { } arenaId
                && FindArena(Municipality.Arenas, arenaId) is { } arena
                && !arena.Goals.Contains(goal.Goal, StringComparer.Ordinal))
            {
                (approvedElsewhere ??= []).Add($"{goal.Goal} ({arena.Name})");
            }
        }

        if (approvedElsewhere is null)
        {
            return [];
        }

        approvedElsewhere.Sort(StringComparer.Ordinal);
        return approvedElsewhere.ToArray();
    }

    private static bool IsApprovedBy(GoalRecord goal, LocalDate asOf) =>
        goal.Status == GoalStatus.Approved && goal.ApprovedOn is { } on && on <= asOf;

    private static bool RestsOnAssessment(GoalRecord goal)
    {
        if (goal.ApprovedByLeaderId is null)
        {
            return false;
        }

        // A recommendation given after the approval cannot be what the approval rested on. An undated one is given the
        // benefit of the doubt: the date is optional in the records.
        bool veileder = false, supervisor = false;
        foreach (var recommendation in goal.Recommendations)
        {
            if (recommendation.Date is { } given && given > goal.ApprovedOn)
            {
                continue;
            }

            veileder |= recommendation.Role == RecommenderRole.Veileder;
            supervisor |= recommendation.Role == RecommenderRole.Supervisor;
        }

        return veileder && supervisor;
    }
}
