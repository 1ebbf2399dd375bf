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
    /// supervisor, and the leader's approval.
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

    private static bool IsApprovedBy(GoalRecord goal, LocalDate asOf) =>
        goal.Status == GoalStatus.Approved && goal.ApprovedOn is { } on && on <= asOf;

    private static bool RestsOnAssessment(GoalRecord goal)
    {
        if (goal.ApprovedByLeaderId is null)
        {
            return false;
        }

        bool veileder = false, supervisor = false;
        foreach (var recommendation in goal.Recommendations)
        {
            veileder |= recommendation.Role == RecommenderRole.Veileder;
            supervisor |= recommendation.Role == RecommenderRole.Supervisor;
        }

        return veileder && supervisor;
    }
}
