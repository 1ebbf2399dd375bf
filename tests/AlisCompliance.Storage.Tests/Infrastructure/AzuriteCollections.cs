namespace AlisCompliance.Storage.Tests.Infrastructure;

// Each collection gets its own Azurite (a collection fixture is created once per collection). Collections run in
// parallel with each other, tests within one run one after another; every test still uses its own table or queue.

/// <summary>Table operations, entities, transactions.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTables : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: tables";
}

/// <summary>Large queries across continuation pages.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTableQueries : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: table queries";
}

/// <summary>Queue operations, including waits for visibility timeouts.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteQueues : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: queues";
}

/// <summary>The records repository and the ingest service (records, municipalities, audit, queue).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteIngest : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: ingest";
}

/// <summary>Findings, alerts, digests, rule sets and the audit log.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteRepositories : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite: repositories";
}
