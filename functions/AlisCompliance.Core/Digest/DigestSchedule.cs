using NodaTime;

namespace AlisCompliance.Core.Digest;

/// <summary>
/// When a week's digest is due: from Monday 07:00 in Europe/Oslo until the next Monday 07:00. Timers on Flex
/// Consumption fire in UTC and cannot be given a time zone, so the digest timer fires hourly and asks this, in local
/// time, which week is due. Daylight saving changes happen on Sunday nights, so Monday 07:00 always exists exactly once:
/// no week is skipped or doubled, and a run that was missed on Monday catches its week up later in the same week.
/// </summary>
public static class DigestSchedule
{
    public static readonly LocalTime SendTime = new(7, 0);

    /// <summary>The week whose digest period contains <paramref name="now"/>.</summary>
    public static DigestWeek DueWeek(Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = now.InZone(zone).LocalDateTime;
        var week = DigestWeek.Containing(local.Date);
        return local < week.Monday + SendTime ? week.Previous : week;
    }

    /// <summary>When the week's digest period starts: its Monday 07:00 local time.</summary>
    public static Instant PeriodStart(DigestWeek week, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (week.Monday + SendTime).InZoneLeniently(zone).ToInstant();
    }
}
