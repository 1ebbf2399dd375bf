using AlisCompliance.Core.Catalog;
using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>A service period resolved to its arena's category; <see cref="To"/> null means until further notice.</summary>
public sealed record ServicePeriodFacts(
    string Id,
    string ArenaId,
    string ArenaType,
    ArenaCategory Category,
    LocalDate From,
    LocalDate? To,
    int PositionPercent)
{
    public string CategoryCode => CategoryCodes.Of(Category);

    public bool Covers(LocalDate date) => From <= date && (To is null || date <= To.Value);
}
