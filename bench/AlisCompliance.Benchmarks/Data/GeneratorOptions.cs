using NodaTime;

namespace AlisCompliance.Benchmarks.Data;

/// <summary>What the synthetic data generator makes. The same options always give the same records.</summary>
internal sealed record GeneratorOptions
{
    public static readonly LocalDate DefaultAsOf = new(2026, 11, 23);

    public int AlisCount { get; init; } = 10_000;

    public int AlisPerMunicipality { get; init; } = 30;

    public int Seed { get; init; } = 20_261_123;

    /// <summary>The date the records are a snapshot of: nothing dated later exists yet, except the planned service periods.</summary>
    public LocalDate AsOf { get; init; } = DefaultAsOf;

    /// <summary>
    /// Keep each ALIS's whole five-year history (sessions, approvals … after <see cref="AsOf"/> too): a worst case
    /// where every ALIS carries about 250 sessions, not a realistic snapshot.
    /// </summary>
    public bool FullHistory { get; init; }
}
