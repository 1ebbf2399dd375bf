using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Functions.Tests.Invocation;

/// <summary>The function-class tests share one Azurite; each test uses its own table and queue prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteFunctions : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: functions";
}
