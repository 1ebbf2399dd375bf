using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// A rule set as it is published: its files by path relative to the rules folder — <c>workflows/*.json</c>,
/// <c>catalog/goals.json</c>, <c>catalog/arena-types.json</c> and <c>tests/*.json</c> — as text. Identified by a content
/// hash over every file (path and text, line endings normalised), so the catalog and the tests are part of the version.
/// </summary>
public sealed partial class RuleBundle
{
    public const string WorkflowsFolder = "workflows/";
    public const string TestsFolder = "tests/";
    public const string GoalsPath = "catalog/goals.json";
    public const string ArenaTypesPath = "catalog/arena-types.json";

    private RuleBundle(IReadOnlyList<RuleSource> files)
    {
        Files = files;
        ContentHash = HashOf(files);
    }

    /// <summary>Every file, ordered by path.</summary>
    public IReadOnlyList<RuleSource> Files { get; }

    /// <summary>A short SHA-256 of every path and text: the version stored with each finding the bundle produces.</summary>
    public string ContentHash { get; }

    public IReadOnlyList<RuleSource> Workflows => In(WorkflowsFolder);

    public IReadOnlyList<RuleSource> Tests => In(TestsFolder);

    public string? Goals => Text(GoalsPath);

    public string? ArenaTypes => Text(ArenaTypesPath);

    public static RuleBundle Of(IEnumerable<RuleSource> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new RuleBundle([.. files.OrderBy(file => file.Name, StringComparer.Ordinal)]);
    }

    /// <summary>What is wrong with the bundle's layout, in Norwegian: unknown paths, a missing catalog, no workflows or no tests.</summary>
    public IReadOnlyList<string> LayoutProblems()
    {
        var problems = new List<string>();
        foreach (var file in Files.Where(file => !IsKnownPath(file.Name)))
        {
            problems.Add($"{file.Name}: ukjent fil. Et regelsett har bare workflows/*.json, {GoalsPath}, {ArenaTypesPath} og tests/*.json.");
        }

        foreach (var duplicate in Files.GroupBy(file => file.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"{duplicate.Key}: filen er med mer enn én gang.");
        }

        if (Workflows.Count == 0)
        {
            problems.Add("workflows/: regelsettet har ingen regler (ingen workflows/*.json).");
        }

        problems.AddRange(new[] { GoalsPath, ArenaTypesPath }.Where(path => Text(path) is null).Select(path => $"{path}: mangler; katalogen er en del av regelsettet."));
        if (Tests.Count == 0)
        {
            problems.Add("tests/: regelsettet har ingen tester (ingen tests/*.json); et regelsett uten tester publiseres ikke.");
        }

        return problems;
    }

    public static bool IsKnownPath(string path) =>
        string.Equals(path, GoalsPath, StringComparison.Ordinal)
        || string.Equals(path, ArenaTypesPath, StringComparison.Ordinal)
        || FolderFile().IsMatch(path);

    private IReadOnlyList<RuleSource> In(string folder) =>
        [.. Files.Where(file => file.Name.StartsWith(folder, StringComparison.Ordinal) && FolderFile().IsMatch(file.Name))];

    private string? Text(string path) => Files.FirstOrDefault(file => string.Equals(file.Name, path, StringComparison.Ordinal))?.Json;

    private static string HashOf(IReadOnlyList<RuleSource> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Name + "\n" + file.Json.ReplaceLineEndings("\n") + "\n\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    [GeneratedRegex(@"^(workflows|tests)/[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.json$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FolderFile();
}
