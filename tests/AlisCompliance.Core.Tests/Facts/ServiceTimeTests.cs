using FsCheck.Xunit;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class ServiceTimeTests
{
    private static readonly LocalDate Start = new(2022, 1, 1);

    [Fact]
    public void Five_calendar_years_full_time_count_as_five_years()
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, new LocalDate(2025, 12, 31)), Period("sykehus", new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))],
        });

        facts.CountableServiceYears(new LocalDate(2026, 12, 31), 4.5, 2.5).Should().BeApproximately(5.0, 1e-9);
        facts.DateServiceReaches(5.0, 4.5, 2.5).Should().Be(new LocalDate(2026, 12, 31));
    }

    [Fact]
    public void Part_time_extends_the_training_pro_rata()
    {
        var facts = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, null, percent: 60)] });

        facts.ServiceYears("open-general-practice", new LocalDate(2023, 12, 31), 0).Should().BeApproximately(1.2, 1e-9);
        facts.HasOpenEndedService.Should().BeTrue();
        facts.PlannedServiceEnd.Should().BeNull();
    }

    [Fact]
    public void Leave_pauses_the_clock()
    {
        var withoutLeave = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, new LocalDate(2023, 12, 31))] });
        var withLeave = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, new LocalDate(2023, 12, 31))],
            Leave = [new AlisCompliance.Core.Records.LeavePeriod("l-1", new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31), "parental")],
        });

        var until = new LocalDate(2023, 12, 31);
        withoutLeave.ServiceYears("all", until, 0).Should().BeApproximately(2.0, 1e-9);
        withLeave.ServiceYears("all", until, 0).Should().BeApproximately(1.0, 1e-9);
    }

    [Theory]
    [InlineData(49, 0.0)]
    [InlineData(50, 1.0)]
    public void Open_practice_counts_toward_the_two_years_only_at_fifty_percent_or_more(int percent, double expectedFullTimeYears)
    {
        var facts = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, new LocalDate(2023, 12, 31), percent)] });

        var years = facts.ServiceYears("open-general-practice", new LocalDate(2023, 12, 31), minimumPercent: 50);

        years.Should().BeApproximately(expectedFullTimeYears * 2 * percent / 100.0, 1e-9);
    }

    [Theory]
    [InlineData("2026-09-01", "2027-02-28")]
    [InlineData("2026-03-01", "2026-08-31")]
    [InlineData("2027-01-31", "2027-07-30")]
    public void Any_six_calendar_months_are_half_a_year(string from, string to)
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("sykehus", NodaTime.Text.LocalDatePattern.Iso.Parse(from).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(to).Value)],
        });

        facts.PlannedServiceYears("institution", 0).Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void Other_general_practice_is_capped_and_general_practice_is_capped_in_the_total()
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("sykehjem", Start, Start.PlusYears(4).PlusDays(-1)), Period("legesenter", Start.PlusYears(4), Start.PlusYears(7).PlusDays(-1))],
        });

        var until = Start.PlusYears(7).PlusDays(-1);
        facts.CountableServiceYears(until, 4.5, 2.5).Should().BeApproximately(4.5, 1e-9, "2.5 of the 4 nursing-home years count, and general practice stops at 4.5");
        facts.DateServiceReaches(5.0, 4.5, 2.5).Should().BeNull("without institution service the total never reaches five years");
    }

    [Property(MaxTest = 100)]
    public bool DateServiceReaches_is_the_first_day_the_target_is_met(byte percentSeed, byte targetSeed)
    {
        var percent = 20 + percentSeed % 81;
        var target = 0.5 + targetSeed % 40 / 10.0;
        var facts = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, null, percent), Period("sykehus", Start, Start.PlusYears(1), 10)] });

        var reached = facts.DateServiceReaches(target, 4.5, 2.5);

        return reached is { } day
            && facts.CountableServiceYears(day, 4.5, 2.5) >= target
            && facts.CountableServiceYears(day.PlusDays(-1), 4.5, 2.5) < target;
    }

    [Fact]
    public void Periods_side_by_side_count_at_most_full_time_and_open_practice_is_kept_first()
    {
        var end = new LocalDate(2023, 12, 31);
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, end), Period("sykehjem", Start, end, percent: 20)],
        });

        facts.CountableServiceYears(end, 4.5, 2.5).Should().BeApproximately(2.0, 1e-9, "120 % for two years is still two years of training");
        facts.ServiceYears("open-general-practice", end, 50).Should().BeApproximately(2.0, 1e-9);
        facts.ServiceYears("other-general-practice", end, 0).Should().BeApproximately(0.4, 1e-9, "each category on its own is within full time");
    }

    [Fact]
    public void Periods_side_by_side_within_full_time_count_in_full()
    {
        var end = new LocalDate(2023, 12, 31);
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, end, percent: 80), Period("sykehjem", new LocalDate(2022, 7, 1), end, percent: 20)],
        });

        facts.CountableServiceYears(end, 4.5, 2.5).Should().BeApproximately(1.6 + 0.3, 1e-9);
    }

    [Fact]
    public void Two_open_practice_periods_at_once_count_one_full_time_and_only_while_they_overlap_is_anything_cut()
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, new LocalDate(2022, 12, 31)), Period("legesenter", new LocalDate(2022, 7, 1), new LocalDate(2023, 6, 30), id: "sp-2")],
        });

        facts.ServiceYears("open-general-practice", new LocalDate(2023, 6, 30), 50).Should().BeApproximately(1.5, 1e-9);
        facts.CountableServiceYears(new LocalDate(2022, 6, 30), 4.5, 2.5).Should().BeApproximately(0.5, 1e-9, "before the overlap nothing is cut");
        facts.DateServiceReaches(1.5, 4.5, 2.5).Should().Be(new LocalDate(2023, 6, 30));
    }

    [Property(MaxTest = 200)]
    public bool Service_never_counts_faster_than_the_calendar(byte firstPercent, byte secondPercent, byte startSeed, byte lengthSeed, byte untilSeed)
    {
        var second = Start.PlusMonths(startSeed % 36);
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods =
            [
                Period("legesenter", Start, Start.PlusYears(4).PlusDays(-1), 1 + firstPercent % 100),
                Period("sykehus", second, second.PlusMonths(1 + lengthSeed % 48), 1 + secondPercent % 100),
            ],
        });
        var until = Start.PlusMonths(untilSeed % 60).PlusDays(untilSeed % 27);
        var elapsedYears = (NodaTime.Period.DaysBetween(Start, until) + 1) / 365.0;

        return facts.CountableServiceYears(until, 4.5, 2.5) <= elapsedYears + 0.01;
    }
}
