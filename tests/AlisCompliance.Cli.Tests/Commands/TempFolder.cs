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

    /// <summary>A copy of the repository's rules in which MUN-REGISTERED's expression is <paramref name="expression"/>: a rule to break on purpose.</summary>
    public static TempFolder RulesWithMunicipalityRule(string expression)
    {
        var rules = CopyOf(AlisCompliance.Tests.Shared.RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "plan.json");
        System.IO.File.WriteAllText(file, System.IO.File.ReadAllText(file).Replace("\"alis.MunicipalityIsRegisteredOn(asOf)\"", $"\"{expression}\"", StringComparison.Ordinal));
        return rules;
    }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
