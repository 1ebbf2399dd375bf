namespace AlisCompliance.Storage.Repositories;

/// <summary>How a <see cref="RecordsRepository"/> spreads its work.</summary>
public sealed record RecordsRepositoryOptions
{
    /// <summary>How many partitions are written or read at once (each its own chain of transactions).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How often a read is repeated when a new version was put in force while it ran.</summary>
    public int MaxReadAttempts { get; init; } = 3;
}
