namespace AlisCompliance.Storage.Tables;

/// <summary>
/// What to read from a table: a <c>$filter</c> (build it with <see cref="TableFilter"/>), the properties to
/// <c>$select</c>, and how many entities to return in total. Every continuation page is followed.
/// </summary>
public sealed record TableQuery
{
    /// <summary>The most entities the service returns on one page.</summary>
    public const int MaxPageSize = 1000;

    private readonly int? top;
    private readonly int? pageSize;

    /// <summary>Every entity in the table.</summary>
    public static TableQuery All { get; } = new();

    /// <summary>The OData filter, or null for all entities.</summary>
    public string? Filter { get; init; }

    /// <summary>
    /// The properties to return, or null for all. PartitionKey and RowKey always come back (they are added when missing).
    /// </summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>The most entities to return in total, or null for all (sent as <c>$top</c>, capped to what remains).</summary>
    public int? Top
    {
        get => top;
        init => top = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Top must be at least 1.");
    }

    /// <summary>The most entities to ask for per request (1-1000), or null for the service's 1000.</summary>
    public int? PageSize
    {
        get => pageSize;
        init => pageSize = value is null or (> 0 and <= MaxPageSize)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"PageSize must be between 1 and {MaxPageSize}.");
    }

    /// <summary>A query with the given filter.</summary>
    /// <param name="filter">The OData filter.</param>
    /// <returns>The query.</returns>
    public static TableQuery Where(string filter) => new() { Filter = filter };
}
