using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Core.Tests.Facts.FactsBuilder;

namespace AlisCompliance.Core.Tests.Facts;

public class PlanFactsTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);

    [Fact]
    public void Days_between_excluding_leave_leaves_out_the_days_on_leave_after_the_first_date()
    {
        var facts = FactsOf(Alis(Start) with
        {
            Leave =
            [
                new LeavePeriod("a", new LocalDate(2025, 7, 1), new LocalDate(2025, 7, 10), "ferie"),
                new LeavePeriod("b", new LocalDate(2025, 8, 1), new LocalDate(2025, 8, 31), "sykmelding"),
            ],
        });

        // 10.06–10.09: 92 days, of which 10 in July and 31 in August are leave.
        facts.DaysBetweenExcludingLeave(new LocalDate(2025, 6, 10), new LocalDate(2025, 9, 10)).Should().Be(92 - 10 - 31);

        // The first date itself is not counted, as with Period.DaysBetween; the last one is.
        facts.DaysBetweenExcludingLeave(new LocalDate(2025, 7, 1), new LocalDate(2025, 7, 11)).Should().Be(1);
        facts.DaysBetweenExcludingLeave(new LocalDate(2025, 6, 30), new LocalDate(2025, 7, 1)).Should().Be(0);
    }

    [Fact]
    public void Days_between_excluding_leave_is_the_plain_day_count_without_leave_and_for_a_reversed_range()
    {
        var facts = FactsOf(Alis(Start));

        facts.DaysBetweenExcludingLeave(new LocalDate(2026, 4, 24), new LocalDate(2026, 11, 23)).Should().Be(213);
        facts.DaysBetweenExcludingLeave(new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 23)).Should().Be(0);
        facts.DaysBetweenExcludingLeave(new LocalDate(2026, 11, 24), new LocalDate(2026, 11, 23)).Should().Be(-1);
    }
}
