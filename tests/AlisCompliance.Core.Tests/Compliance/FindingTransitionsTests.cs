using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Core.Tests.Compliance;

public class FindingTransitionsTests
{
    [Fact]
    public void A_rule_failing_for_the_first_time_is_new()
    {
        var transitions = FindingTransitions.Compare([], [Finding("SUP", Severity.Warning)]);

        transitions.Should().ContainSingle().Which.Should().Match<FindingTransition>(transition =>
            transition.Kind == FindingTransitionKind.New && transition.Before == null && transition.After == Severity.Warning && transition.Current!.RuleId == "SUP");
    }

    [Theory]
    [InlineData(Severity.Info, Severity.Warning, FindingTransitionKind.Escalated)]
    [InlineData(Severity.Warning, Severity.Violation, FindingTransitionKind.Escalated)]
    [InlineData(Severity.Violation, Severity.Info, FindingTransitionKind.DeEscalated)]
    [InlineData(Severity.Warning, Severity.Info, FindingTransitionKind.DeEscalated)]
    public void A_changed_severity_escalates_or_de_escalates(Severity before, Severity after, FindingTransitionKind kind)
    {
        var transitions = FindingTransitions.Compare([new OpenFinding("SUP", before)], [Finding("SUP", after)]);

        transitions.Should().ContainSingle().Which.Should().Match<FindingTransition>(transition =>
            transition.Kind == kind && transition.Before == before && transition.After == after);
    }

    [Fact]
    public void A_rule_that_no_longer_fails_is_resolved()
    {
        var transitions = FindingTransitions.Compare([new OpenFinding("PLAN", Severity.Info)], []);

        transitions.Should().ContainSingle().Which.Should().Match<FindingTransition>(transition =>
            transition.Kind == FindingTransitionKind.Resolved && transition.Before == Severity.Info && transition.After == null && transition.Current == null);
    }

    [Fact]
    public void An_unchanged_finding_raises_no_alert_even_when_its_message_and_evidence_change()
    {
        var transitions = FindingTransitions.Compare(
            [new OpenFinding("SUP", Severity.Violation)],
            [Finding("SUP", Severity.Violation) with { Message = "Nå mangler 14 timer", Evidence = new JsonObject { ["missing"] = 14 } }]);

        transitions.Should().BeEmpty();
    }

    [Fact]
    public void Several_changes_come_out_ordered_by_rule_id()
    {
        var transitions = FindingTransitions.Compare(
            [new OpenFinding("C", Severity.Warning), new OpenFinding("B", Severity.Info), new OpenFinding("D", Severity.Warning)],
            [Finding("A", Severity.Info), Finding("B", Severity.Violation), Finding("D", Severity.Warning)]);

        transitions.Select(transition => (transition.RuleId, transition.Kind)).Should().Equal(
            ("A", FindingTransitionKind.New), ("B", FindingTransitionKind.Escalated), ("C", FindingTransitionKind.Resolved));
    }

    [Fact]
    public void Two_findings_for_one_rule_are_refused()
    {
        var compare = () => FindingTransitions.Compare([], [Finding("SUP", Severity.Info), Finding("SUP", Severity.Warning)]);

        compare.Should().Throw<ArgumentException>().WithMessage("*SUP*");
    }

    private static Finding Finding(string ruleId, Severity severity) =>
        new("alis-01", "3417", ruleId, null, severity, "melding", "Spesialistforskriften § 25", ["leader"], new JsonObject());
}
