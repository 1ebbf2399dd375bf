using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Loading;

/// <summary>
/// A rules folder as the ALIS-kontor edits it: workflows/*.json (the rules), catalog/ (goals and arena types)
/// and tests/*.json (examples every rule change must keep passing).
/// </summary>
public sealed class RulesDirectory(DirectoryInfo root)
{
    /// <summary>The rule set shipped beside the program (copied from the repository's rules/ at build).</summary>
    public static DirectoryInfo Default => new(Path.Combine(AppContext.BaseDirectory, "rules"));

    public DirectoryInfo Root => root;

    public Task<IReadOnlyList<RuleSource>> ReadWorkflowsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync(Path.Combine(root.FullName, "workflows"), cancellationToken);

    public Task<IReadOnlyList<RuleSource>> ReadTestsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync(Path.Combine(root.FullName, "tests"), cancellationToken);

    public async Task<TrainingCatalog> ReadCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = Path.Combine(root.FullName, "catalog");
        var goals = await ReadRequiredAsync(Path.Combine(catalog, "goals.json"), cancellationToken);
        var arenaTypes = await ReadRequiredAsync(Path.Combine(catalog, "arena-types.json"), cancellationToken);
        return CatalogReader.Read(goals, arenaTypes);
    }

    /// <summary>The catalog, read synchronously: two small files, read once when a host starts.</summary>
    public TrainingCatalog ReadCatalog()
    {
        var catalog = Path.Combine(root.FullName, "catalog");
        return CatalogReader.Read(ReadRequired(Path.Combine(catalog, "goals.json")), ReadRequired(Path.Combine(catalog, "arena-types.json")));
    }

    private static string ReadRequired(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"Fant ikke {path}. {ExpectedLayout}", path);

    private const string ExpectedLayout = "En regelmappe har workflows/, catalog/ (goals.json og arena-types.json) og tests/.";

    private static async Task<string> ReadRequiredAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken)
            : throw new FileNotFoundException($"Fant ikke {path}. {ExpectedLayout}", path);

    private static async Task<IReadOnlyList<RuleSource>> ReadAllAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Fant ikke mappen {folder}. {ExpectedLayout}");
        }

        var sources = new List<RuleSource>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            sources.Add(new RuleSource(Path.GetRelativePath(Environment.CurrentDirectory, path), await File.ReadAllTextAsync(path, cancellationToken)));
        }

        return sources;
    }
}
