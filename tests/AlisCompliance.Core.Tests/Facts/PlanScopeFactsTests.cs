using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class PlanScopeFactsTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);
    private static readonly LocalDate PlanMade = new(2024, 4, 15);

    [Fact]
    public void Without_an_individual_plan_the_periods_are_not_a_plan_yet()
    {
        var facts = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, new LocalDate(2025, 2, 28))] });

        facts.PlanCoversWholeTraining(new LocalDate(2024, 5, 1)).Should().BeFalse();
    }

    [Fact]
    public void A_plan_covers_the_whole_training_from_the_day_it_is_made_unless_it_is_time_limited()
    {
        var whole = FactsOf(Alis(Start) with { IndividualPlanCreatedOn = PlanMade });
        var timeLimited = FactsOf(Alis(Start) with { IndividualPlanCreatedOn = PlanMade, PlannedThrough = new LocalDate(2025, 2, 28) });

        whole.PlanCoversWholeTraining(PlanMade.PlusDays(-1)).Should().BeFalse();
        whole.PlanCoversWholeTraining(PlanMade).Should().BeTrue();
        timeLimited.PlanCoversWholeTraining(PlanMade).Should().BeFalse();
        timeLimited.PlannedThrough.Should().Be(new LocalDate(2025, 2, 28));
    }

    [Fact]
    public void A_group_year_is_over_when_the_next_has_begun_or_a_year_has_passed()
    {
        GroupSupervisionMeeting Meeting(int year, LocalDate date) => new($"m-{date:yyyyMMdd}", date, 6m, year);
        var facts = FactsOf(Alis(Start) with
        {
            GroupSupervision = [Meeting(1, new LocalDate(2024, 9, 2)), Meeting(1, new LocalDate(2024, 10, 7)), Meeting(2, new LocalDate(2025, 6, 2))],
        });

        facts.GroupYearIsOver(1, new LocalDate(2025, 6, 1)).Should().BeFalse();
        facts.GroupYearIsOver(1, new LocalDate(2025, 6, 2)).Should().BeTrue("group year 2 began");
        facts.GroupYearIsOver(2, new LocalDate(2026, 6, 1)).Should().BeFalse();
        facts.GroupYearIsOver(2, new LocalDate(2026, 6, 2)).Should().BeTrue("a year has passed since its first meeting");
    }
}
