using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>Azurite started with <c>--skipApiVersionCheck</c>: the WebJobs queue extension sends a service version Azurite 3.35 refuses otherwise.</summary>
public sealed class WebJobsAzuriteFixture : AzuriteFixture;

/// <summary>
/// serve's tests share one Azurite of their own and run one after another: the function queues have fixed names
/// (alis-changed, leader-alerts and their poison queues), so each test empties them first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebJobsAzurite : ICollectionFixture<WebJobsAzuriteFixture>
{
    public const string Name = "Azurite: serve";
}
