using AlisCompliance.Application.Digest;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Application.Tests.Digest.DigestFixtures;

namespace AlisCompliance.Application.Tests.Digest;

public sealed class DigestBuilderTests
{
    [Fact]
    public void The_digest_knows_its_municipality_and_iso_week()
    {
        var digest = Model();

        digest.MunicipalityId.Should().Be("3417");
        digest.MunicipalityName.Should().Be("Åsnes kommune");
        (digest.IsoWeekYear, digest.IsoWeek).Should().Be((2026, 50));
    }

    [Fact]
    public void Open_findings_are_grouped_by_severity_worst_first_with_oslo_dates()
    {
        var digest = Model();

        digest.OpenFindings.Select(group => group.Severity).Should().Equal(Severity.Violation, Severity.Warning);
        digest.OpenFindings[1].Findings.Select(finding => (finding.AlisId, finding.RuleId)).Should().Equal(("alis-01", "SUP-PACE"), ("alis-02", "DL-TRANSITION-2026"));
        digest.OpenFindings[0].Findings.Single().Should().BeEquivalentTo(new { AlisName = "Kari <Nordmann>", FirstSeen = new LocalDate(2026, 10, 2) });
        digest.OpenCount(Severity.Warning).Should().Be(2);
        digest.OpenCount(Severity.Info).Should().Be(0);
    }

    [Fact]
    public void Changes_are_in_time_order_on_their_oslo_date()
    {
        // 23:30 UTC on 1 December is 00:30 on 2 December in Oslo.
        var late = Instant.FromUtc(2026, 12, 1, 23, 30);
        var digest = DigestBuilder.Build(
            Records(Alis("alis-01", new LocalDate(2024, 9, 1))),
            Catalog,
            [],
            [
                new DigestChange("alis-01", "SUP-PACE", FindingTransitionKind.Escalated, Severity.Info, Severity.Warning, Oslo(2026, 12, 5)),
                new DigestChange("alis-01", "PLAN-REVIEW", FindingTransitionKind.New, null, Severity.Info, late),
            ],
            AsOf);

        digest.Changes.Select(change => (change.RuleId, change.On)).Should().Equal(("PLAN-REVIEW", new LocalDate(2026, 12, 2)), ("SUP-PACE", new LocalDate(2026, 12, 5)));
    }

    [Fact]
    public void Supervision_is_counted_per_calendar_month_for_the_last_twelve_months()
    {
        var kari = Model().Alis.Single(alis => alis.AlisId == "alis-01");

        kari.SupervisionByMonth.Select(month => month.Month).Should().Equal(Enumerable.Range(1, 12).Select(month => new YearMonth(2026, month)));
        kari.SupervisionByMonth.Select(month => month.Hours).Should().Equal(4, 4, 4, 4, 0, 0, 0, 2.5, 2.5, 2.5, 2.5, 0);
        kari.SupervisionByMonth.Should().OnlyContain(month => month.InTraining);
        kari.MonthlyTargetHours.Should().Be(4);
    }

    [Fact]
    public void A_month_on_leave_is_marked_as_outside_training()
    {
        var alis = Alis("alis-01", new LocalDate(2024, 9, 1)) with
        {
            Leave = [new LeavePeriod("l-1", new LocalDate(2026, 6, 1), new LocalDate(2026, 7, 31), "foreldrepermisjon")],
        };

        var months = DigestBuilder.Build(Records(alis), Catalog, [], [], AsOf).Alis.Single().SupervisionByMonth;

        months.Where(month => !month.InTraining).Select(month => month.Month).Should().Equal(new YearMonth(2026, 6), new YearMonth(2026, 7));
    }

    [Fact]
    public void The_longest_gap_between_sessions_shows_irregular_supervision()
    {
        var digest = Model();

        var kari = digest.Alis.Single(alis => alis.AlisId == "alis-01");
        var ola = digest.Alis.Single(alis => alis.AlisId == "alis-02");
        kari.LongestSupervisionGapDays.Should().Be(122, "15 April to 15 August without a session");
        kari.LastSupervision.Should().Be(new LocalDate(2026, 11, 15));
        ola.LongestSupervisionGapDays.Should().Be(31, "one session a month");
    }

    [Fact]
    public void Without_sessions_the_gap_runs_from_the_window_or_training_start_to_the_as_of_date()
    {
        var fresh = Alis("alis-01", new LocalDate(2026, 10, 1));

        var progress = DigestBuilder.Build(Records(fresh), Catalog, [], [], AsOf).Alis.Single();

        progress.LongestSupervisionGapDays.Should().Be(67);
        progress.LastSupervision.Should().BeNull();
    }

    [Theory]
    [InlineData("v-1", VeilederWorkplace.SameMunicipality)]
    [InlineData("v-2", VeilederWorkplace.OtherMunicipality)]
    [InlineData("v-3", VeilederWorkplace.Unknown)]
    [InlineData(null, VeilederWorkplace.NoVeileder)]
    public void The_veileders_workplace_is_compared_with_the_municipality(string? veilederId, VeilederWorkplace expected)
    {
        var alis = Alis("alis-01", new LocalDate(2024, 9, 1)) with
        {
            VeilederAssignments = veilederId is null ? [] : [new VeilederAssignment("va", veilederId, new LocalDate(2024, 9, 1), null)],
        };

        var progress = DigestBuilder.Build(Records(alis), Catalog, [], [], AsOf).Alis.Single();

        progress.VeilederWorkplace.Should().Be(expected);
        progress.VeilederId.Should().Be(veilederId);
    }

    [Fact]
    public void Service_time_done_planned_and_goals_come_from_the_facts()
    {
        var kari = Model().Alis.Single(alis => alis.AlisId == "alis-01");

        kari.ServiceTime.DoneYears.Should().BeApproximately(2.27, 0.02);
        kari.ServiceTime.PlannedYears.Should().BeApproximately(5, 0.01);
        kari.ServiceTime.RequiredYears.Should().Be(5);
        kari.ServiceTime.PlannedEnd.Should().Be(new LocalDate(2029, 8, 31));
        kari.ServiceTime.ProjectedCompletion.Should().NotBeNull();
        kari.ApprovedGoals.Should().Be(1);
        kari.TotalGoals.Should().Be(4);
        kari.Worst.Should().Be(Severity.Violation);
        kari.OpenFindings.Should().Be(2);
        kari.TrainingYear.Should().BeEquivalentTo(new { Number = 3, From = new LocalDate(2026, 9, 1), Hours = 7.5 });
    }

    [Fact]
    public void The_transition_deadline_comes_first_while_it_is_ahead_then_the_rest_by_date()
    {
        var deadlines = Model().Deadlines;

        deadlines[0].Should().BeEquivalentTo(new
        {
            Date = new LocalDate(2026, 12, 31),
            Kind = DigestDeadlineKind.TransitionScheme,
            AlisIds = new[] { "alis-02" },
            DaysLeft = 24,
        });
        deadlines.Skip(1).Select(deadline => deadline.Date).Should().BeInAscendingOrder();
        deadlines.Should().Contain(deadline => deadline.Kind == DigestDeadlineKind.VeilederExemption && deadline.Date == new LocalDate(2027, 3, 31));
        deadlines.Should().Contain(deadline => deadline.Kind == DigestDeadlineKind.PlanReview && deadline.Date == new LocalDate(2027, 2, 20));
        deadlines.Should().Contain(deadline => deadline.Kind == DigestDeadlineKind.TrainingYearEnd && deadline.AlisIds.Single() == "alis-02");
    }

    [Fact]
    public void The_transition_deadline_leads_even_when_another_deadline_is_sooner()
    {
        var old = Alis("alis-01", new LocalDate(2022, 1, 10)) with
        {
            Scheme = TrainingScheme.Old,
            VeilederAssignments = [new VeilederAssignment("va", "v-2", new LocalDate(2022, 1, 10), null)],
        };
        var records = Records(old) with
        {
            Veiledere = [new Veileder("v-2", "Fritak", null, new LocalDate(2026, 12, 20), null, "3417")],
        };

        var deadlines = DigestBuilder.Build(records, Catalog, [], [], AsOf).Deadlines;

        deadlines.Select(deadline => deadline.Kind).Take(2).Should().Equal(DigestDeadlineKind.TransitionScheme, DigestDeadlineKind.VeilederExemption);
    }

    [Fact]
    public void The_transition_deadline_is_left_out_when_no_alis_is_on_the_old_scheme_or_it_has_passed()
    {
        var onNew = DigestBuilder.Build(Records(Alis("alis-01", new LocalDate(2024, 9, 1))), Catalog, [], [], AsOf);
        var passed = DigestBuilder.Build(Records(Alis("alis-01", new LocalDate(2022, 1, 10)) with { Scheme = TrainingScheme.Old }), Catalog, [], [], new LocalDate(2027, 1, 4));
        var moved = DigestBuilder.Build(
            Records(Alis("alis-01", new LocalDate(2022, 1, 10)) with { Scheme = TrainingScheme.Old }),
            Catalog, [], [], new LocalDate(2027, 1, 4),
            DigestSettings.Default with { TransitionDeadline = new LocalDate(2027, 6, 30) });

        onNew.Deadlines.Should().NotContain(deadline => deadline.Kind == DigestDeadlineKind.TransitionScheme);
        passed.Deadlines.Should().NotContain(deadline => deadline.Kind == DigestDeadlineKind.TransitionScheme);
        moved.Deadlines[0].Date.Should().Be(new LocalDate(2027, 6, 30));
    }

    [Fact]
    public void An_alis_approved_as_specialist_is_not_in_the_digest()
    {
        var done = Alis("alis-09", new LocalDate(2019, 3, 1)) with { SpecialistApprovedOn = new LocalDate(2024, 3, 1) };

        var digest = DigestBuilder.Build(Records(done, Alis("alis-01", new LocalDate(2024, 9, 1))), Catalog, [], [], AsOf);

        digest.Alis.Select(alis => alis.AlisId).Should().Equal("alis-01");
    }
}
