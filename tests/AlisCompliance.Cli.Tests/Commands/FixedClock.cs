using NodaTime;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>A clock stopped at one instant (NodaTime.Testing is not available from the registry here).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
