using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

/// <summary>The supervision numbers as DOMAIN.md reads them: 42 hours a training year, the monthly average a pace check.</summary>
public class TrainingYearPaceTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);

    [Theory]
    [InlineData(2024, 4, 14, 1, 0.0)]
    [InlineData(2024, 10, 31, 8, 26.0)]
    [InlineData(2025, 2, 27, 11, 38.0)]
    [InlineData(2025, 2, 28, 12, 42.0)]
    public void Pace_counts_whole_months_of_the_training_year_less_the_holiday_months(int year, int month, int day, int wholeMonths, double pace)
    {
        var current = FactsOf(Alis(Start)).CurrentTrainingYear(new LocalDate(year, month, day));

        current.ElapsedWholeActiveMonths.Should().Be(wholeMonths);
        current.PaceHours(4, 1.5).Should().Be(pace);
    }

    [Fact]
    public void Three_and_a_half_hours_every_month_is_on_pace_on_every_day_of_the_year()
    {
        var facts = FactsOf(Alis(Start) with { SupervisionSessions = MonthlySessions(new YearMonth(2024, 3), new YearMonth(2025, 2), 210) });

        for (var day = Start; day < Start.PlusYears(1); day = day.PlusDays(1))
        {
            var year = facts.CurrentTrainingYear(day);
            year.SupervisionHours.Should().BeGreaterThanOrEqualTo(year.PaceHours(4, 1.5), "on {0:yyyy-MM-dd}", day);
        }
    }

    [Fact]
    public void Months_of_leave_are_not_part_of_the_pace()
    {
        var facts = FactsOf(Alis(Start) with
        {
            Leave = [new LeavePeriod("l", new LocalDate(2024, 12, 1), new LocalDate(2025, 5, 31), "foreldrepermisjon")],
        });

        var year = facts.CurrentTrainingYear(new LocalDate(2025, 9, 1));

        year.Number.Should().Be(2);
        year.ElapsedWholeActiveMonths.Should().Be(3, "March to May of training year 2 were leave");
    }

    [Fact]
    public void Days_without_supervision_skip_leave_and_start_afresh_with_a_new_training_year()
    {
        var facts = FactsOf(Alis(Start) with
        {
            SupervisionSessions = [Session(new LocalDate(2024, 6, 15), 240, "s-1")],
            Leave = [new LeavePeriod("l", new LocalDate(2024, 7, 1), new LocalDate(2024, 7, 31), "ferie")],
        });

        facts.WithoutSupervisionSince(new LocalDate(2024, 9, 1)).Should().Be(new LocalDate(2024, 6, 15));
        facts.DaysWithoutSupervision(new LocalDate(2024, 9, 1)).Should().Be(78 - 31);
        facts.WithoutSupervisionSince(new LocalDate(2025, 3, 10)).Should().Be(new LocalDate(2025, 3, 1));
        facts.DaysWithoutSupervision(new LocalDate(2025, 3, 10)).Should().Be(9);
    }
}
