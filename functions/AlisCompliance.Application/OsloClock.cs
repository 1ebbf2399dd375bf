using NodaTime;

namespace AlisCompliance.Application;

/// <summary>Today's date in Norway, the default as-of date: the only place the shell reads the clock.</summary>
public static class OsloClock
{
    public static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(Oslo).Date;
}
