using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class VeilederFactsTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    [Fact]
    public void Gaps_and_overlaps_are_found_and_leave_needs_no_veileder()
    {
        var facts = FactsOf(Alis(Start) with
        {
            VeilederAssignments =
            [
                new VeilederAssignment("a1", "v-1", Start, new LocalDate(2024, 3, 31)),
                new VeilederAssignment("a2", "v-2", new LocalDate(2024, 4, 22), new LocalDate(2024, 9, 30)),
                new VeilederAssignment("a3", "v-1", new LocalDate(2024, 9, 1), null),
            ],
            Leave = [new LeavePeriod("l", new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 10), null)],
        });

        var asOf = new LocalDate(2024, 12, 1);
        facts.VeilederGaps(asOf).Should().Equal(new DateInterval(new LocalDate(2024, 4, 11), new LocalDate(2024, 4, 21)));
        facts.VeilederOverlaps(asOf).Should().Equal(new DateInterval(new LocalDate(2024, 9, 1), new LocalDate(2024, 9, 30)));
        facts.VeilederOn(asOf)!.Id.Should().Be("v-1");
    }

    [Fact]
    public void No_assignment_at_all_is_one_gap_from_the_start()
    {
        var facts = FactsOf(Alis(Start));

        facts.VeilederGaps(new LocalDate(2024, 1, 31)).Should().Equal(new DateInterval(Start, new LocalDate(2024, 1, 31)));
    }

    [Theory]
    [InlineData(2026, 6, 30, true)]
    [InlineData(2026, 7, 1, false)]
    public void An_exemption_is_valid_through_its_last_day(int year, int month, int day, bool qualified)
    {
        var facts = FactsOf(Alis(Start) with { VeilederAssignments = [new VeilederAssignment("a", "v-2", Start, null)] });
        var date = new LocalDate(year, month, day);

        facts.VeilederOn(date)!.IsQualifiedOn(date).Should().Be(qualified);
        facts.VeilederOn(date)!.WorksInAlisMunicipality.Should().BeFalse();
    }
}
