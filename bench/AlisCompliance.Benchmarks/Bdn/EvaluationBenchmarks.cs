using AlisCompliance.Benchmarks.Data;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records;
using BenchmarkDotNet.Attributes;

namespace AlisCompliance.Benchmarks.Bdn;

/// <summary>Facts and evaluation of 1000 synthetic ALIS (the same generator and seed as <c>bench</c>).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks : IDisposable
{
    private const int AlisCount = 1000;

    private IReadOnlyList<MunicipalityRecords> municipalities = [];
    private TrainingCatalog? catalog;
    private ComplianceRuleSet? rules;
    private ComplianceChecker? checker;

    [GlobalSetup]
    public void Setup()
    {
        BenchConfig.RestoreNormalThreadPriority();
        var repository = RepositoryFiles.Locate();
        catalog = repository.ReadCatalog();
        rules = ComplianceRuleSet.Compile(repository.ReadRuleSources());
        checker = new ComplianceChecker(rules, catalog);
        municipalities = SyntheticRecordsGenerator.Generate(repository.ReadArenaTable(), catalog, new GeneratorOptions { AlisCount = AlisCount });
        JitSettle.Wait();
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark]
    public int Evaluate1000Alis() => checker!.Check(municipalities, GeneratorOptions.DefaultAsOf).Findings.Count;

    [Benchmark]
    public int FactsOnly1000Alis() => BenchCommand.FactsOnly(municipalities, catalog!).Count;

    /// <summary>The same evaluations without PLINQ: what one ALIS costs, apart from the parallel pass.</summary>
    [Benchmark]
    public int Evaluate1000AlisOneThread() => BenchCommand.EvaluateOnOneThread(checker!, municipalities, GeneratorOptions.DefaultAsOf);

    public void Dispose()
    {
        rules?.Dispose();
        rules = null;
        GC.SuppressFinalize(this);
    }
}
