using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Application.Tests.UseCases;

/// <summary>The use-case tests share one Azurite; each test uses its own table and queue prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteApplication : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: application";
}
