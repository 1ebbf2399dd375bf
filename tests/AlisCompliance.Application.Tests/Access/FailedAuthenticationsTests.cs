using System.Collections.Concurrent;
using AlisCompliance.Application.Access;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>The failure rate: counted per minute, function and reason; logged at the first, tenth, hundredth…; a minute's total after it.</summary>
public sealed class FailedAuthenticationsTests
{
    [Fact]
    public void A_burst_logs_its_first_and_tenth_failure_and_the_minute_s_total_afterwards()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0, 5));
        var logger = new RecordingLogger();
        var failures = new FailedAuthentications(clock, logger);

        for (var i = 0; i < 12; i++)
        {
            failures.Record("ComplianceStatus", AuthenticationFailure.UnknownKey);
        }

        failures.Record("IngestRecords", AuthenticationFailure.Forged);
        failures.InCurrentMinute("ComplianceStatus", AuthenticationFailure.UnknownKey).Should().Be(12);
        logger.Entries.Should().Equal(
            (9101, "Failed authentications for ComplianceStatus: UnknownKey, 1 in the minute from 2026-11-23T09:00:00Z"),
            (9101, "Failed authentications for ComplianceStatus: UnknownKey, 10 in the minute from 2026-11-23T09:00:00Z"),
            (9101, "Failed authentications for IngestRecords: Forged, 1 in the minute from 2026-11-23T09:00:00Z"));

        clock.Advance(Duration.FromMinutes(1));
        failures.Record("ComplianceStatus", AuthenticationFailure.UnknownKey);

        logger.Entries.Skip(3).Should().BeEquivalentTo(new[]
        {
            (9101, "Failed authentications for ComplianceStatus: UnknownKey, 1 in the minute from 2026-11-23T09:01:00Z"),
            (9102, "Failed authentications for ComplianceStatus: UnknownKey, 12 in all in the minute from 2026-11-23T09:00:00Z"),
            (9102, "Failed authentications for IngestRecords: Forged, 1 in all in the minute from 2026-11-23T09:00:00Z"),
        });
        failures.InCurrentMinute("ComplianceStatus", AuthenticationFailure.UnknownKey).Should().Be(1);
    }

    private sealed class RecordingLogger : ILogger<FailedAuthentications>
    {
        private readonly ConcurrentQueue<(int EventId, string Message)> entries = new();

        public IReadOnlyList<(int EventId, string Message)> Entries => [.. entries];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((eventId.Id, formatter(state, exception)));
    }
}
