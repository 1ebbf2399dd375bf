using System.Globalization;
using AlisCompliance.Benchmarks.Data;
using AlisCompliance.Core.Compliance;
using NodaTime.Text;

namespace AlisCompliance.Benchmarks;

/// <summary>
/// Writes every finding and rule error of one evaluation of the synthetic data, one per line, so that two builds
/// (before and after a change to the facts) can be compared with diff: an optimisation must not change a finding.
/// </summary>
internal static class DumpCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var output = Option(args, "--out") ?? throw new ArgumentException("dump needs --out PATH.", nameof(args));
        var asOf = Option(args, "--as-of") is { } text ? LocalDatePattern.Iso.Parse(text).GetValueOrThrow() : GeneratorOptions.DefaultAsOf;
        var count = Option(args, "--alis") is { } number ? int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture) : 10_000;
        var options = new GeneratorOptions { AlisCount = count, AsOf = asOf, FullHistory = args.Contains("--full-history", StringComparer.Ordinal) };

        var repository = RepositoryFiles.Locate();
        var catalog = repository.ReadCatalog();
        using var rules = ComplianceRuleSet.Compile(repository.ReadRuleSources());
        var municipalities = SyntheticRecordsGenerator.Generate(repository.ReadArenaTable(), catalog, options);
        var report = new ComplianceChecker(rules, catalog).Check(municipalities, asOf);

        using var writer = new StreamWriter(output);
        foreach (var finding in report.Findings)
        {
            writer.WriteLine(string.Join('\t', finding.AlisId, finding.RuleId, finding.Outcome, finding.Severity, finding.Message, finding.Evidence.ToJsonString()));
        }

        foreach (var error in report.Errors)
        {
            writer.WriteLine(string.Join('\t', "ERROR", error.ToString()));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.AlisEvaluated} ALIS evaluated as of {asOf:yyyy-MM-dd}: {report.Findings.Count} findings, {report.Errors.Count} errors written to {output}"));
        return 0;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var index = 0; index < args.Count - 1; index++)
        {
            if (string.Equals(args[index], name, StringComparison.Ordinal))
            {
                return args[index + 1];
            }
        }

        return null;
    }
}
