using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlisCompliance.Tests.Shared;

/// <summary>
/// The PublishRules request body made from the repository's rules/: <c>{"effectiveFrom":…,"note":…,"dryRun":…,
/// "files":{"workflows/deadlines.json":"&lt;text&gt;",…}}</c>, every workflow, catalog and test file by its path.
/// </summary>
internal static class PublishRulesBody
{
    public static readonly string[] Folders = ["workflows", "catalog", "tests"];

    /// <summary>The files of rules/ by relative path, each passed through <paramref name="edit"/> (path, text) → text.</summary>
    public static SortedDictionary<string, string> Files(Func<string, string, string>? edit = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            foreach (var path in Directory.EnumerateFiles(RepositoryRoot.Combine("rules", folder), "*.json"))
            {
                var name = $"{folder}/{System.IO.Path.GetFileName(path)}";
                var text = File.ReadAllText(path);
                files[name] = edit is null ? text : edit(name, text);
            }
        }

        return files;
    }

    public static string Json(string effectiveFrom, bool dryRun, Func<string, string, string>? edit = null, string note = "test")
    {
        var files = new JsonObject();
        foreach (var (name, text) in Files(edit))
        {
            files[name] = text;
        }

        return new JsonObject
        {
            ["effectiveFrom"] = effectiveFrom,
            ["note"] = note,
            ["dryRun"] = dryRun,
            ["files"] = files,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>Moves the transition deadline from 31.12.2026 to 31.12.2027: the one-line edit of workflows/deadlines.json.</summary>
    public static string MoveTransitionDeadline(string name, string text) =>
        name == "workflows/deadlines.json" ? text.Replace("Dates.Parse(\\\"2026-12-31\\\")", "Dates.Parse(\\\"2027-12-31\\\")", StringComparison.Ordinal) : text;

    /// <summary>Cuts DL-TRANSITION-2026-PASSED's expression off in the middle: a syntax error.</summary>
    public static string BreakSyntax(string name, string text) =>
        name == "workflows/deadlines.json" ? text.Replace("\"!onOldScheme || daysLeft >= 0\"", "\"!onOldScheme || daysLeft >= \"", StringComparison.Ordinal) : text;
}
