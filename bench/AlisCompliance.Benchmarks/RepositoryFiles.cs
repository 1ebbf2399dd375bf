using System.Text.Json;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records;

namespace AlisCompliance.Benchmarks;

/// <summary>
/// The rules, catalog and Åsnes arena table, read from the repository the benchmark runs in: the root is the first
/// folder above <see cref="AppContext.BaseDirectory"/> that holds AlisCompliance.sln.
/// </summary>
internal sealed class RepositoryFiles
{
    private RepositoryFiles(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static RepositoryFiles Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AlisCompliance.sln")))
            {
                return new RepositoryFiles(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException($"Found no AlisCompliance.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>rules/workflows/*.json in ordinal file order, named by their path relative to the root.</summary>
    public IReadOnlyList<RuleSource> ReadRuleSources()
    {
        var folder = Path.Combine(Root, "rules", "workflows");
        return Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new RuleSource(Path.GetRelativePath(Root, path), File.ReadAllText(path)))
            .ToArray();
    }

    public TrainingCatalog ReadCatalog()
    {
        var folder = Path.Combine(Root, "rules", "catalog");
        return CatalogReader.Read(
            File.ReadAllText(Path.Combine(folder, "goals.json")),
            File.ReadAllText(Path.Combine(folder, "arena-types.json")));
    }

    /// <summary>Åsnes kommune's real arena table (samples/asnes-arenas.json), the template for every synthetic municipality.</summary>
    public IReadOnlyList<Arena> ReadArenaTable()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "samples", "asnes-arenas.json")));
        return document.RootElement.GetProperty("arenas").EnumerateArray()
            .Select(arena => new Arena(
                Required(arena, "id"),
                Required(arena, "name"),
                Required(arena, "type"),
                arena.GetProperty("goals").EnumerateArray().Select(goal => goal.GetString() ?? string.Empty).ToArray()))
            .ToArray();
    }

    private static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidDataException($"asnes-arenas.json: an arena has no {name}");
}
