using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class SupervisionFactsTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);

    [Fact]
    public void SupervisionHours_includes_both_ends_of_the_window()
    {
        var facts = FactsOf(Alis(Start) with
        {
            SupervisionSessions = [Session(new LocalDate(2024, 4, 1), 60, "a"), Session(new LocalDate(2024, 4, 30), 90, "b"), Session(new LocalDate(2024, 5, 1), 30, "c")],
        });

        facts.SupervisionHours(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 30)).Should().Be(2.5);
        facts.SupervisionSessionCount(new LocalDate(2024, 4, 2), new LocalDate(2024, 5, 1)).Should().Be(2);
        facts.SupervisionHours(new LocalDate(2024, 6, 1), new LocalDate(2024, 5, 1)).Should().Be(0);
    }

    [Fact]
    public void A_training_year_without_leave_owes_exactly_42_hours_even_in_a_leap_year()
    {
        var facts = FactsOf(Alis(Start) with { SupervisionSessions = MonthlySessions(new YearMonth(2024, 3), new YearMonth(2025, 2), 210) });

        var year = facts.CompletedTrainingYears(new LocalDate(2025, 3, 1)).Should().ContainSingle().Subject;

        year.From.Should().Be(Start);
        year.To.Should().Be(new LocalDate(2025, 2, 28));
        year.SupervisionHours.Should().Be(42.0);
        year.ExpectedHours(42).Should().Be(42.0);
    }

    [Fact]
    public void Months_of_leave_are_taken_out_of_the_expectation()
    {
        var facts = FactsOf(Alis(Start) with
        {
            Leave = [new LeavePeriod("l", new LocalDate(2024, 9, 1), new LocalDate(2025, 2, 28), "foreldrepermisjon")],
        });

        var year = facts.CompletedTrainingYears(new LocalDate(2025, 3, 1)).Single();

        year.ActiveMonths.Should().BeApproximately(12.0 * 184 / 365, 1e-9);
        year.ExpectedHours(42).Should().BeApproximately(21.17, 0.01);
    }

    [Fact]
    public void Pace_gives_one_and_a_half_months_of_slack_then_four_hours_a_month()
    {
        var facts = FactsOf(Alis(Start));

        facts.CurrentTrainingYear(new LocalDate(2024, 4, 10)).ExpectedHoursSoFar(4, 1.5).Should().Be(0);
        facts.CurrentTrainingYear(new LocalDate(2024, 8, 31)).ExpectedHoursSoFar(4, 1.5).Should().BeApproximately(4 * ((184 * 12.0 / 365) - 1.5), 0.01);
    }

    [Fact]
    public void A_converted_alis_counts_supervision_years_from_the_conversion()
    {
        var facts = FactsOf(Alis(new LocalDate(2020, 1, 1)) with { Scheme = TrainingScheme.Converted, ConversionDate = new LocalDate(2023, 6, 15) });

        facts.SupervisionClockStart.Should().Be(new LocalDate(2023, 6, 15));
        facts.CurrentTrainingYear(new LocalDate(2026, 11, 23)).Number.Should().Be(4);
    }

    [Fact]
    public void Referat_not_finalised_is_reported_only_once_due()
    {
        var facts = FactsOf(Alis(Start) with
        {
            SupervisionSessions = [Session(new LocalDate(2024, 5, 1), 60, "old", finalised: false), Session(new LocalDate(2024, 5, 20), 60, "new", finalised: false)],
        });

        facts.SessionsWithoutFinalisedReferat(new LocalDate(2024, 5, 6)).Select(session => session.Id).Should().Equal("old");
    }

    [Fact]
    public void Referat_is_asked_for_only_from_the_given_date()
    {
        var facts = FactsOf(Alis(new LocalDate(2020, 1, 1)) with
        {
            Scheme = TrainingScheme.Converted,
            ConversionDate = new LocalDate(2023, 6, 15),
            SupervisionSessions =
            [
                Session(new LocalDate(2023, 6, 14), 60, "before", finalised: false),
                Session(new LocalDate(2023, 6, 15), 60, "on", finalised: false),
                Session(new LocalDate(2023, 7, 1), 60, "after", finalised: true),
            ],
        });

        facts.SessionsWithoutFinalisedReferat(facts.SupervisionClockStart, new LocalDate(2026, 11, 9)).Select(session => session.Id).Should().Equal("on");
        facts.SessionsWithoutFinalisedReferat(new LocalDate(2026, 11, 9)).Select(session => session.Id).Should().Equal("before", "on");
    }

    [Fact]
    public void Institution_months_without_a_session_are_listed()
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("sykehus", new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30))],
            SupervisionSessions = [Session(new LocalDate(2025, 2, 10), 60, "feb"), Session(new LocalDate(2025, 4, 10), 60, "apr")],
        });

        facts.InstitutionMonthsWithoutSupervision(new LocalDate(2025, 7, 5), 6)
            .Should().Equal(new YearMonth(2025, 1), new YearMonth(2025, 3), new YearMonth(2025, 5), new YearMonth(2025, 6));
    }

    [Fact]
    public void Leave_during_institution_service_does_not_make_a_month_with_other_service_an_institution_month()
    {
        // October: hospital 1–20 with sick leave 10–20 inside it, then the GP office 21–31. The leave days must not count
        // twice (once as hospital, once as leave) and fill the GP days.
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods =
            [
                Period("sykehus", new LocalDate(2026, 5, 1), new LocalDate(2026, 10, 20)),
                Period("legesenter", new LocalDate(2026, 10, 21), new LocalDate(2029, 3, 31)),
            ],
            Leave = [new LeavePeriod("l", new LocalDate(2026, 10, 10), new LocalDate(2026, 10, 20), "sykmelding")],
            SupervisionSessions = MonthlySessions(new YearMonth(2026, 5), new YearMonth(2026, 9), 60),
        });

        facts.InstitutionMonthsWithoutSupervision(new LocalDate(2026, 11, 23), 6).Should().BeEmpty();
    }

    [Fact]
    public void Leave_filling_the_rest_of_an_institution_month_keeps_it_an_institution_month()
    {
        var facts = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("sykehus", new LocalDate(2026, 5, 1), new LocalDate(2026, 10, 20))],
            Leave = [new LeavePeriod("l", new LocalDate(2026, 10, 21), new LocalDate(2026, 11, 30), "foreldrepermisjon")],
            SupervisionSessions = MonthlySessions(new YearMonth(2026, 5), new YearMonth(2026, 9), 60),
        });

        facts.InstitutionMonthsWithoutSupervision(new LocalDate(2026, 11, 23), 6).Should().Equal(new YearMonth(2026, 10));
    }
}
