using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    private readonly Dictionary<string, IReadOnlyList<string>> _arenaGoals;

    /// <summary>Number of goals in the catalog (ALM and FKM).</summary>
    public int CatalogGoalCount => _catalog.Goals.Count;

    /// <summary>
    /// Catalog goals that no arena of the plan (done and planned periods) can offer, per the municipality's arena table.
    /// </summary>
    public IReadOnlyList<string> UncoveredGoals
    {
        get
        {
            var offered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var period in ServicePeriods)
            {
                if (_arenaGoals.TryGetValue(period.ArenaId, out var goals))
                {
                    offered.UnionWith(goals);
                }
            }

            return _catalog.Goals.Select(goal => goal.Code).Where(code => !offered.Contains(code)).ToArray();
        }
    }

    /// <summary>Goals approved on or before the date.</summary>
    public int ApprovedGoalCount(LocalDate asOf) =>
        _alis.Goals.Count(goal => goal.Status == GoalStatus.Approved && goal.ApprovedOn is { } on && on <= asOf);

    /// <summary>Share of the catalog's goals approved by the date, from 0 to 1.</summary>
    public double ApprovedGoalFraction(LocalDate asOf) =>
        CatalogGoalCount == 0 ? 0 : (double)ApprovedGoalCount(asOf) / CatalogGoalCount;

    /// <summary>
    /// Approved goals whose approval does not rest on § 26: a recommendation from the veileder, one from at least one
    /// supervisor, and the leader's approval.
    /// </summary>
    public IReadOnlyList<string> ApprovedGoalsLackingAssessment(LocalDate asOf) =>
        _alis.Goals
            .Where(goal => goal.Status == GoalStatus.Approved && goal.ApprovedOn is { } on && on <= asOf)
            .Where(goal => goal.ApprovedByLeaderId is null
                || !goal.Recommendations.Any(recommendation => recommendation.Role == RecommenderRole.Veileder)
                || !goal.Recommendations.Any(recommendation => recommendation.Role == RecommenderRole.Supervisor))
            .Select(goal => goal.Goal)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
