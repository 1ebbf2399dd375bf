using System.Text.Json;

namespace AlisCompliance.Core.Catalog;

/// <summary>
/// Reads <c>rules/catalog/goals.json</c> (the goals and the ALM 063 procedures) and <c>arena-types.json</c>;
/// a broken catalog is a deployment error.
/// </summary>
public static class CatalogReader
{
    private static readonly Dictionary<string, ArenaCategory> Categories = new(StringComparer.Ordinal)
    {
        ["open-general-practice"] = ArenaCategory.OpenGeneralPractice,
        ["other-general-practice"] = ArenaCategory.OtherGeneralPractice,
        ["institution"] = ArenaCategory.Institution,
    };

    public static TrainingCatalog Read(string goalsJson, string arenaTypesJson)
    {
        using var goalsDocument = JsonDocument.Parse(goalsJson);
        using var typesDocument = JsonDocument.Parse(arenaTypesJson);

        var goals = goalsDocument.RootElement.GetProperty("goals").EnumerateArray()
            .Select(goal => new LearningGoal(
                goal.GetProperty("code").GetString() ?? throw new InvalidDataException("goals.json: a goal has no code"),
                goal.GetProperty("kind").GetString() ?? throw new InvalidDataException("goals.json: a goal has no kind"),
                goal.TryGetProperty("title", out var title) ? title.GetString() : null))
            .ToList();

        var types = typesDocument.RootElement.GetProperty("arenaTypes").EnumerateArray()
            .Select(type =>
            {
                var code = type.GetProperty("code").GetString() ?? throw new InvalidDataException("arena-types.json: a type has no code");
                var category = type.GetProperty("category").GetString() ?? string.Empty;
                return Categories.TryGetValue(category, out var parsed)
                    ? new ArenaType(code, parsed, type.GetProperty("name").GetString() ?? code)
                    : throw new InvalidDataException($"arena-types.json: '{code}' has unknown category '{category}'");
            })
            .ToList();

        var procedures = goalsDocument.RootElement.TryGetProperty("alm063Procedures", out var list)
            ? list.EnumerateArray().Select(name => name.GetString() ?? throw new InvalidDataException("goals.json: a procedure has no name")).ToList()
            : [];

        var duplicate = goals.GroupBy(goal => goal.Code, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        return duplicate is not null
            ? throw new InvalidDataException($"goals.json: goal code '{duplicate.Key}' appears more than once")
            : new TrainingCatalog(goals, types, procedures);
    }
}
