using AlisCompliance.Core.Digest;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace AlisCompliance.Core.Tests.Digest;

public sealed class DigestScheduleTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    [Theory]
    [InlineData("2026-11-30T05:59:59Z", "2026-11-23")] // Monday 06:59:59 in Oslo (CET): last week's period still runs
    [InlineData("2026-11-30T06:00:00Z", "2026-11-30")] // Monday 07:00 CET: this week's digest is due
    [InlineData("2026-12-03T12:00:00Z", "2026-11-30")] // Thursday: a missed Monday is caught up in the same week
    [InlineData("2026-12-07T05:30:00Z", "2026-11-30")] // next Monday 06:30: still the old week
    [InlineData("2026-06-08T04:59:00Z", "2026-06-01")] // summer (CEST, UTC+2): 06:59 local
    [InlineData("2026-06-08T05:00:00Z", "2026-06-08")] // 07:00 CEST is 05:00 UTC
    [InlineData("2026-12-28T06:00:00Z", "2026-12-28")] // ISO week 53 of 2026 starts Monday 28.12.2026
    [InlineData("2027-01-04T06:00:00Z", "2027-01-04")] // week 1 of 2027
    public void The_due_week_starts_at_Monday_0700_Oslo_time(string utc, string expectedMonday)
    {
        var week = DigestSchedule.DueWeek(InstantPattern.General.Parse(utc).Value, Oslo);

        week.Monday.Should().Be(LocalDatePattern.Iso.Parse(expectedMonday).Value);
    }

    [Theory]
    [InlineData(2026, 3, 23)] // the week after spring forward (29.03.2026 is the Sunday of DST)
    [InlineData(2026, 10, 19)] // around fall back (25.10.2026)
    [InlineData(2027, 3, 22)] // spring forward 28.03.2027
    [InlineData(2027, 10, 25)] // fall back 31.10.2027
    public void An_hourly_UTC_timer_makes_each_week_due_exactly_once_across_daylight_saving(int year, int month, int day)
    {
        // A timer firing at five past every UTC hour for three weeks around a daylight saving change, as on Flex Consumption.
        var clock = new FakeClock(Instant.FromUtc(year, month, day, 0, 5));
        var firstDueAt = new Dictionary<DigestWeek, ZonedDateTime>();
        for (var hour = 0; hour < 24 * 21; hour++)
        {
            var now = clock.GetCurrentInstant();
            firstDueAt.TryAdd(DigestSchedule.DueWeek(now, Oslo), now.InZone(Oslo));
            clock.Advance(Duration.FromHours(1));
        }

        var started = firstDueAt.Values.Skip(1).ToList(); // the first week was already running when the timer started
        started.Should().HaveCount(3);
        started.Should().OnlyContain(local => local.DayOfWeek == IsoDayOfWeek.Monday && local.Hour == 7 && local.Minute == 5);
        firstDueAt.Keys.Skip(1).Select(week => week.Monday).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_period_starts_at_0700_local_in_winter_and_summer()
    {
        DigestSchedule.PeriodStart(new DigestWeek(new LocalDate(2026, 11, 30)), Oslo).Should().Be(Instant.FromUtc(2026, 11, 30, 6, 0));
        DigestSchedule.PeriodStart(new DigestWeek(new LocalDate(2026, 6, 8)), Oslo).Should().Be(Instant.FromUtc(2026, 6, 8, 5, 0));
    }

    [Fact]
    public void A_week_is_named_by_its_ISO_week()
    {
        new DigestWeek(new LocalDate(2026, 12, 28)).ToString().Should().Be("2026-W53");
        DigestWeek.Containing(new LocalDate(2027, 1, 3)).ToString().Should().Be("2026-W53");
    }
}
