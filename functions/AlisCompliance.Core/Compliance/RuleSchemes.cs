using AlisCompliance.Core.Records;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// The schemes a rule applies to, from its <c>schemes</c> property: <c>new</c>, <c>old</c> and/or <c>converted</c>;
/// a rule without the property applies to all three (every rule in rules/workflows states it, and a test holds it).
/// An old-scheme ALIS trains under the rules before 1 March 2019 (no learning goals, no Kompetanseportalen), so a
/// rule of the new scheme must say so in the rule file, where the ALIS-kontor can read it, not in its expression.
/// </summary>
public static class RuleSchemes
{
    public const string PropertyName = "schemes";

    public static readonly IReadOnlyDictionary<string, TrainingScheme> Codes = new Dictionary<string, TrainingScheme>(StringComparer.Ordinal)
    {
        ["new"] = TrainingScheme.New,
        ["converted"] = TrainingScheme.Converted,
        ["old"] = TrainingScheme.Old,
    };

    /// <summary>The schemes listed in the rule's properties, all three without the property; unknown codes are left out (the properties check reports them).</summary>
    public static IReadOnlySet<TrainingScheme> Of(RuleProperties properties)
    {
        if (!properties.ContainsKey(PropertyName))
        {
            return new HashSet<TrainingScheme>(Codes.Values);
        }

        var schemes = new HashSet<TrainingScheme>();
        foreach (var code in properties.GetStringList(PropertyName))
        {
            if (Codes.TryGetValue(code, out var scheme))
            {
                schemes.Add(scheme);
            }
        }

        return schemes;
    }
}
