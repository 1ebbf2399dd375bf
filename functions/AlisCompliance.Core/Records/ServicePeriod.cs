using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>
/// Service at one arena at a position fraction. Periods after the as-of date are the plan;
/// a period without <see cref="To"/> continues until further notice.
/// </summary>
public sealed record ServicePeriod(string Id, string ArenaId, LocalDate From, LocalDate? To, int PositionPercent);
