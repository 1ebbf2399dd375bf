using System.Collections.Frozen;

namespace AlisCompliance.Core.Catalog;

/// <summary>The learning goal catalog and the arena types: the fixed vocabulary records are checked against.</summary>
public sealed class TrainingCatalog
{
    public TrainingCatalog(IEnumerable<LearningGoal> goals, IEnumerable<ArenaType> arenaTypes)
    {
        Goals = goals.OrderBy(goal => goal.Code, StringComparer.Ordinal).ToArray();
        GoalsByCode = Goals.ToFrozenDictionary(goal => goal.Code, StringComparer.Ordinal);
        ArenaTypes = arenaTypes.ToFrozenDictionary(type => type.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<LearningGoal> Goals { get; }

    public FrozenDictionary<string, LearningGoal> GoalsByCode { get; }

    public FrozenDictionary<string, ArenaType> ArenaTypes { get; }

    public bool IsKnownGoal(string code) => GoalsByCode.ContainsKey(code);
}
