using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.RuleTests;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Core.Tests.RuleSet;

/// <summary>A rules folder as the ALIS-kontor keeps it: workflows, tests and catalog.</summary>
internal sealed class RulesFolder
{
    private RulesFolder(string path) => Path = path;

    public string Path { get; }

    public static RulesFolder Repository { get; } = new(AlisCompliance.Tests.Shared.RepositoryRoot.Combine("rules"));

    public TrainingCatalog Catalog => CatalogReader.Read(
        File.ReadAllText(System.IO.Path.Combine(Path, "catalog", "goals.json")),
        File.ReadAllText(System.IO.Path.Combine(Path, "catalog", "arena-types.json")));

    public IReadOnlyList<RuleSource> Workflows => Sources("workflows");

    public IReadOnlyList<RuleSource> Tests => Sources("tests");

    /// <summary>A copy of the folder, for a test to edit.</summary>
    public static RulesFolder CopyOfRepository(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Path, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(Repository.Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new RulesFolder(destination);
    }

    public ComplianceRuleSet Compile() => ComplianceRuleSet.Compile(Workflows);

    public RuleTestReport RunTests(ComplianceRuleSet rules) => RuleTestRunner.Run(rules, Catalog, Tests);

    public ComplianceReport CheckSample(ComplianceRuleSet rules, NodaTime.LocalDate asOf)
    {
        var sample = AlisCompliance.Tests.Shared.RepositoryRoot.Combine("samples", "asnes", "asnes.json");
        var read = new RecordsReader(Catalog).Read(sample, File.ReadAllText(sample));
        return new ComplianceChecker(rules, Catalog).Check([read.Records!], asOf);
    }

    private List<RuleSource> Sources(string folder) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, folder), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => new RuleSource(file, File.ReadAllText(file)))
            .ToList();
}
