using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using NodaTime;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>Which version is in force, and how long a list of publications read from the table is trusted.</summary>
[Collection(AzuriteApplication.Name)]
public sealed class ComplianceRulesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Another_instance_s_publication_is_seen_after_the_cache_lifetime_or_at_once_by_its_re_evaluation()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        var moved = TestBundles.MovedDeadlineBundle;
        (await VersionAsync(service.Rules, null)).Should().Be(TestBundles.Shipped.ContentHash, "nothing is published");

        var publication = new RuleSetPublication(
            RuleSetRepository.NewPublicationId(service.Clock.GetCurrentInstant()), moved.ContentHash, new LocalDate(2026, 11, 23), "kontor-2", service.Clock.GetCurrentInstant(), "fra en annen instans");
        await service.RuleSets.PublishAsync(publication, moved.Files);

        (await VersionAsync(service.Rules, null)).Should().Be(TestBundles.Shipped.ContentHash, "the list read a moment ago is trusted for a minute");
        (await VersionAsync(service.Rules, publication.Id)).Should().Be(moved.ContentHash, "a re-evaluation for a publication the list lacks reads it again");
        var otherInstance = new ComplianceRules(ServiceUnderTest.ShippedRules, service.RuleSets, ServiceUnderTest.SharedCompiled, service.Clock);
        (await VersionAsync(otherInstance, null)).Should().Be(moved.ContentHash);
    }

    [Fact]
    public async Task A_cached_list_is_read_again_after_its_lifetime()
    {
        var service = await ServiceUnderTest.CreateAsync(azurite);
        (await VersionAsync(service.Rules, null)).Should().Be(TestBundles.Shipped.ContentHash);
        var moved = TestBundles.MovedDeadlineBundle;
        await service.RuleSets.PublishAsync(
            new RuleSetPublication(RuleSetRepository.NewPublicationId(service.Clock.GetCurrentInstant()), moved.ContentHash, new LocalDate(2026, 11, 23), "kontor-2", service.Clock.GetCurrentInstant(), string.Empty),
            moved.Files);

        service.Clock.Advance(ComplianceRules.PublicationsLifetime);

        (await VersionAsync(service.Rules, null)).Should().Be(moved.ContentHash);
    }

    private static async Task<string> VersionAsync(ComplianceRules rules, string? knownPublicationId)
    {
        using var lease = await rules.AcquireAsync(new LocalDate(2026, 11, 23), knownPublicationId, CancellationToken.None);
        return lease.Rules.Version;
    }
}
