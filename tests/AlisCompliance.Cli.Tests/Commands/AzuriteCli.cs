using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>The CLI's storage commands share one Azurite; each test uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCli : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: CLI";
}

/// <summary>Arguments that point a storage command at the fixture's Azurite under a fresh prefix.</summary>
internal sealed record CliStorage(string ConnectionString, string Prefix)
{
    public static CliStorage Fresh(AzuriteFixture azurite) => new(azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..12]);

    public string[] Arguments => ["--connection-string", ConnectionString, "--storage-prefix", Prefix];

    public ComplianceStorage Connect() => ComplianceStorage.Connect(ConnectionString, StorageNames.WithPrefix(Prefix));

    /// <summary>How many messages wait on the alis-changed queue.</summary>
    public async Task<int> QueuedAsync() => (await Connect().AlisChanged.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
