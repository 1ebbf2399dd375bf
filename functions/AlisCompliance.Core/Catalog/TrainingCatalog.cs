using System.Collections.Frozen;

namespace AlisCompliance.Core.Catalog;

/// <summary>The learning goal catalog, the arena types and the ALM 063 procedures: the fixed vocabulary records are checked against.</summary>
public sealed class TrainingCatalog
{
    public TrainingCatalog(IEnumerable<LearningGoal> goals, IEnumerable<ArenaType> arenaTypes, IEnumerable<string>? procedures = null)
    {
        Procedures = procedures?.ToArray() ?? [];
        Goals = goals.OrderBy(goal => goal.Code, StringComparer.Ordinal).ToArray();
        GoalsByCode = Goals.ToFrozenDictionary(goal => goal.Code, StringComparer.Ordinal);
        ArenaTypes = arenaTypes.ToFrozenDictionary(type => type.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<LearningGoal> Goals { get; }

    public FrozenDictionary<string, LearningGoal> GoalsByCode { get; }

    public FrozenDictionary<string, ArenaType> ArenaTypes { get; }

    /// <summary>The practical procedures under ALM 063, each to be performed and signed; empty when the catalog lists none.</summary>
    public IReadOnlyList<string> Procedures { get; }

    public bool IsKnownGoal(string code) => GoalsByCode.ContainsKey(code);
}
