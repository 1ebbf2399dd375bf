using NodaTime;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>A clock the test sets and advances (NodaTime.Testing is not available here).</summary>
internal sealed class ManualClock(Instant now) : IClock
{
    private Instant now = now;

    public static ManualClock At(int year, int month, int day, int hour = 12) => new(Instant.FromUtc(year, month, day, hour, 0));

    public Instant GetCurrentInstant() => now;

    public void Advance(Duration duration) => now += duration;
}
