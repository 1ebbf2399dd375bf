using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Tests.Shared;
using NodaTime;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>The compiled-version cache: one compilation per content hash, and an evicted version unloaded only when no evaluation holds it.</summary>
public sealed class CompiledRuleSetsTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 23);

    [Fact]
    public async Task A_version_is_compiled_once_and_shared()
    {
        using var cache = new CompiledRuleSets();
        var bundle = Variant(0);
        var loads = 0;

        using var first = await cache.AcquireAsync(bundle.ContentHash, _ => { loads++; return Task.FromResult(bundle); }, CancellationToken.None);
        using var second = await cache.AcquireAsync(bundle.ContentHash, _ => { loads++; return Task.FromResult(bundle); }, CancellationToken.None);

        loads.Should().Be(1);
        second.Rules.Should().BeSameAs(first.Rules);
        first.Rules.Version.Should().Be(bundle.ContentHash);
    }

    [Fact]
    public async Task An_evicted_version_keeps_working_for_the_evaluation_that_holds_it_and_is_disposed_when_released()
    {
        using var cache = new CompiledRuleSets();
        var (records, alis) = Sample();
        var held = await AcquireAsync(cache, Variant(0));

        for (var variant = 1; variant <= CompiledRuleSets.Capacity; variant++)
        {
            (await AcquireAsync(cache, Variant(variant))).Dispose();
        }

        held.Rules.Checker.EvaluateAlis(records, alis, AsOf).Errors.Should().BeEmpty("the evicted version is still held");
        held.Dispose();
        var evaluateAfterRelease = () => held.Rules.Checker.EvaluateAlis(records, alis, AsOf);
        evaluateAfterRelease.Should().Throw<ObjectDisposedException>("the last lease released the evicted version");
        using var again = await AcquireAsync(cache, Variant(0));
        again.Rules.Should().NotBeSameAs(held.Rules, "an evicted version is compiled again when it is needed again");
        again.Rules.Checker.EvaluateAlis(records, alis, AsOf).Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_version_that_does_not_compile_throws_and_is_not_cached()
    {
        using var cache = new CompiledRuleSets();
        var broken = TestBundles.SyntaxError;

        var acquire = () => AcquireAsync(cache, broken);

        await acquire.Should().ThrowAsync<Core.Rules.RuleSetCompilationException>();
        await acquire.Should().ThrowAsync<Core.Rules.RuleSetCompilationException>("the next try compiles again");
    }

    private static Task<RulesLease> AcquireAsync(CompiledRuleSets cache, RuleBundle bundle) =>
        cache.AcquireAsync(bundle.ContentHash, _ => Task.FromResult(bundle), CancellationToken.None);

    /// <summary>deadlines.json and the catalog alone, told apart by a note in the description: small, quick to compile.</summary>
    private static RuleBundle Variant(int number) => RuleBundle.Of(TestBundles.Shipped.Files
        .Where(file => file.Name.StartsWith("catalog/", StringComparison.Ordinal) || file.Name == TestBundles.DeadlinesPath)
        .Select(file => file.Name == TestBundles.DeadlinesPath
            ? file with { Json = file.Json.Replace("\"description\": \"", $"\"description\": \"(variant {number}) ", StringComparison.Ordinal) }
            : file));

    private static (MunicipalityRecords Records, AlisRecord Alis) Sample()
    {
        var read = new RecordsReader(ServiceUnderTest.Catalog).Read("asnes.json", File.ReadAllText(RepositoryRoot.Combine("samples", "asnes", "asnes.json")));
        return (read.Records!, read.Records!.Alis.Single(alis => alis.Id == "alis-04"));
    }
}
