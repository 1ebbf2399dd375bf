using System.Diagnostics;
using AlisCompliance.Benchmarks;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;
using Xunit.Abstractions;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>
/// Microsoft RulesEngine is the reference implementation of the rules format: run on rules/workflows with the
/// facts types registered, it must give every rule the same pass or fail as our compiler, for every ALIS.
/// </summary>
public sealed class RulesEngineReferenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RulesEngine_gives_the_same_result_as_our_compiler_for_every_rule_and_alis()
    {
        var clock = Stopwatch.StartNew();
        var repository = RepositoryFiles.Locate();
        var sources = repository.ReadRuleSources();
        var catalog = ReferenceRecords.Catalog(repository);
        using var ours = ComplianceRuleSet.Compile(sources);
        var reference = new ReferenceEngine(ReferenceWorkflowFiles.Read(sources.Select(source => source.Json)));
        var comparison = new ResultComparison();
        var alisCount = 0;

        var runs = ReferenceRecords.SampleDates.Select(date => (Records: (IReadOnlyList<MunicipalityRecords>)[ReferenceRecords.Sample(repository, catalog)], AsOf: date))
            .Append((Records: ReferenceRecords.Synthetic(repository, catalog), AsOf: Benchmarks.Data.GeneratorOptions.DefaultAsOf));
        foreach (var (records, asOf) in runs)
        {
            foreach (var municipality in records)
            {
                foreach (var alis in municipality.Alis)
                {
                    var facts = AlisFacts.Create(municipality, alis, catalog);
                    if (!facts.IsInTrainingOn(asOf))
                    {
                        continue;
                    }

                    alisCount++;
                    var label = $"{alis.Id} on {asOf}";
                    foreach (var workflow in reference.Workflows)
                    {
                        var ourResults = ours.Compiled.Evaluate(workflow.WorkflowName, [facts, asOf], asOf);
                        comparison.Compare(label, ourResults, await reference.EvaluateAsync(workflow.WorkflowName, facts, asOf));
                    }
                }
            }
        }

        output.WriteLine($"{comparison.Compared} rule results ({comparison.Failed} failed) for {alisCount} ALIS evaluations in {clock.Elapsed.TotalSeconds:0.0} s; {comparison.Differences.Count} differences.");
        ours.Warnings.Should().BeEmpty("the shipped rules stay in the subset both engines read");
        alisCount.Should().BeGreaterThan(ReferenceRecords.SyntheticAlisCount / 2);
        comparison.Differences.Should().BeEmpty(string.Join(Environment.NewLine, comparison.Differences.Take(40)));
    }
}
