using AlisCompliance.Application.Rules;
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

    /// <summary>
    /// The folder as a bundle: every .json file of workflows/, catalog/ and tests/ by its path relative to the folder (a
    /// missing folder gives no files, which <see cref="RuleBundle.LayoutProblems"/> reports).
    /// </summary>
    public async Task<RuleBundle> ReadBundleAsync(CancellationToken cancellationToken)
    {
        var files = new List<RuleSource>();
        foreach (var folder in new[] { "workflows", "catalog", "tests" })
        {
            var path = Path.Combine(root.FullName, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in SafeTextFile.JsonFilesIn(path))
            {
                files.Add(new RuleSource($"{folder}/{Path.GetFileName(file)}", await ReadTextAsync(file, cancellationToken)));
            }
        }

        return RuleBundle.Of(files);
    }

    /// <summary>The catalog, read synchronously: two small files, read once when a host starts.</summary>
    public TrainingCatalog ReadCatalog()
    {
        var catalog = Path.Combine(root.FullName, "catalog");
        return CatalogReader.Read(ReadRequired(Path.Combine(catalog, "goals.json")), ReadRequired(Path.Combine(catalog, "arena-types.json")));
    }

    private static string ReadRequired(string path) => ReadRequiredAsync(path, CancellationToken.None).GetAwaiter().GetResult();

    private const string ExpectedLayout = "En regelmappe har workflows/, catalog/ (goals.json og arena-types.json) og tests/.";

    /// <summary>A rule file is small; anything near this size is a mistake, not a rule set.</summary>
    public const long MaxFileBytes = 2_000_000;

    private static async Task<string> ReadRequiredAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            throw new FileNotFoundException($"Fant ikke {path}. {ExpectedLayout}", path);
        }

        return await ReadTextAsync(path, cancellationToken);
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        var read = await SafeTextFile.ReadAsync(path, MaxFileBytes, cancellationToken);
        return read.Text ?? throw new InvalidDataException($"{Path.GetRelativePath(Environment.CurrentDirectory, path)} {read.Problem}.");
    }

    private static async Task<IReadOnlyList<RuleSource>> ReadAllAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Fant ikke mappen {folder}. {ExpectedLayout}");
        }

        var sources = new List<RuleSource>();
        foreach (var path in SafeTextFile.JsonFilesIn(folder))
        {
            sources.Add(new RuleSource(Path.GetRelativePath(Environment.CurrentDirectory, path), await ReadTextAsync(path, cancellationToken)));
        }

        return sources;
    }
}
