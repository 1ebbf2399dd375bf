using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class GoalApprovalFactsTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);
    private static readonly LocalDate ApprovedOn = new(2026, 10, 1);

    private static GoalRecord Approved(string code, string? arenaId, params Recommendation[] recommendations) =>
        new($"g-{code}", code, GoalStatus.Approved, ApprovedOn, "leder-1", arenaId, recommendations);

    [Fact]
    public void A_goal_approved_at_an_arena_whose_table_entry_lacks_it_is_named_with_the_arena()
    {
        var facts = FactsOf(Alis(Start) with
        {
            Goals =
            [
                Approved("ALM-055", "legesenter"),
                Approved("ALM-085", "sykehus"),
                Approved("ALM-001", null),
            ],
        });

        facts.GoalsApprovedAtArenaNotOfferingThem(ApprovedOn).Should().Equal("ALM-055 (Legesenteret)");
        facts.GoalsApprovedAtArenaNotOfferingThem(ApprovedOn.PlusDays(-1)).Should().BeEmpty("the approval is not there yet");
    }

    [Fact]
    public void A_recommendation_dated_after_the_approval_does_not_support_it()
    {
        var veileder = new Recommendation(RecommenderRole.Veileder, "v-1", ApprovedOn.PlusDays(-10));
        var facts = FactsOf(Alis(Start) with
        {
            Goals =
            [
                Approved("ALM-001", "legesenter", veileder, new Recommendation(RecommenderRole.Supervisor, "sup-1", ApprovedOn.PlusDays(1))),
                Approved("FKM-073", "legesenter", veileder, new Recommendation(RecommenderRole.Supervisor, "sup-1", ApprovedOn)),
                Approved("ALM-085", "sykehus", veileder, new Recommendation(RecommenderRole.Supervisor, "sup-1", null)),
            ],
        });

        facts.ApprovedGoalsLackingAssessment(ApprovedOn.PlusDays(30)).Should().Equal("ALM-001");
    }
}
