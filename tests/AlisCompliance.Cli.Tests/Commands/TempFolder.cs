namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>A folder under the system temp path, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("alis-test-").FullName;
    }

    public string Path { get; }

    public static TempFolder CopyOf(string source)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        return folder;
    }

    /// <summary>A copy of the repository's rules with one text replaced in one workflow file, as a rule editor would.</summary>
    public static TempFolder RulesWith(string workflowFile, string oldText, string newText)
    {
        var folder = CopyOf(AlisCompliance.Tests.Shared.RepositoryRoot.Combine("rules"));
        var file = folder.File("workflows", workflowFile);
        var text = System.IO.File.ReadAllText(file);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{workflowFile} has no '{oldText}'.");
        }

        System.IO.File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
        return folder;
    }

    /// <summary>A copy of the repository's rules in which MUN-REGISTERED's expression is <paramref name="expression"/>: a rule to break on purpose.</summary>
    public static TempFolder RulesWithMunicipalityRule(string expression) =>
        RulesWith("plan.json", "\"alis.MunicipalityIsRegisteredOn(asOf)\"", $"\"{expression}\"");

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
