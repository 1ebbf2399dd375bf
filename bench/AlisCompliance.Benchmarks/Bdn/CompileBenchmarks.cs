using AlisCompliance.Core.Compliance;
using BenchmarkDotNet.Attributes;

namespace AlisCompliance.Benchmarks.Bdn;

/// <summary>Reading, checking and compiling the whole rule set with Roslyn, warm (the first compile is in the setup).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private IReadOnlyList<RuleSource> sources = [];

    [GlobalSetup]
    public void Setup()
    {
        BenchConfig.RestoreNormalThreadPriority();
        sources = RepositoryFiles.Locate().ReadRuleSources();

        // The cold compile is bench's business; here the warm one is measured, once Roslyn's code is at tier 1.
        Compile();
        JitSettle.Wait();
    }

    [Benchmark]
    public int Compile()
    {
        using var rules = ComplianceRuleSet.Compile(sources);
        return rules.RuleCount;
    }
}
