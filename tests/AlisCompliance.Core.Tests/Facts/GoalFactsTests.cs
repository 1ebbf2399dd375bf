using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class GoalFactsTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    [Fact]
    public void Goals_no_arena_of_the_plan_offers_are_uncovered()
    {
        var withoutHospital = FactsOf(Alis(Start) with { ServicePeriods = [Period("legesenter", Start, new LocalDate(2028, 12, 31))] });
        var withHospital = FactsOf(Alis(Start) with
        {
            ServicePeriods = [Period("legesenter", Start, new LocalDate(2028, 12, 31)), Period("sykehus", new LocalDate(2029, 1, 1), new LocalDate(2029, 6, 30))],
        });

        withoutHospital.UncoveredGoals.Should().Equal("ALM-055", "ALM-085");
        withHospital.UncoveredGoals.Should().BeEmpty();
    }

    [Fact]
    public void An_approval_needs_veileder_supervisor_and_leader()
    {
        var complete = new GoalRecord("g1", "ALM-001", GoalStatus.Approved, new LocalDate(2024, 6, 1), "leder-1", "legesenter",
            [new Recommendation(RecommenderRole.Veileder, "v-1", null), new Recommendation(RecommenderRole.Supervisor, "sup", null)]);
        var noSupervisor = complete with { Id = "g2", Goal = "FKM-073", Recommendations = [new Recommendation(RecommenderRole.Veileder, "v-1", null)] };
        var noLeader = complete with { Id = "g3", Goal = "ALM-055", ApprovedByLeaderId = null };
        var facts = FactsOf(Alis(Start) with { Goals = [complete, noSupervisor, noLeader] });

        facts.ApprovedGoalsLackingAssessment(new LocalDate(2024, 7, 1)).Should().Equal("ALM-055", "FKM-073");
        facts.ApprovedGoalCount(new LocalDate(2024, 5, 31)).Should().Be(0);
        facts.ApprovedGoalFraction(new LocalDate(2024, 6, 1)).Should().Be(0.75);
    }
}
