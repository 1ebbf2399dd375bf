using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Storage.Repositories;

/// <summary>NodaTime values at the table boundary: instants as Edm.DateTime (UTC), dates as ISO strings (they sort).</summary>
internal static class StorageTime
{
    public static DateTimeOffset ToStored(Instant instant) => instant.ToDateTimeOffset();

    public static Instant? ToInstant(DateTimeOffset? stored) => stored is { } value ? Instant.FromDateTimeOffset(value) : null;

    public static string ToStored(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? ToDate(string? stored) =>
        stored is not null && LocalDatePattern.Iso.Parse(stored) is { Success: true } parsed ? parsed.Value : null;
}
