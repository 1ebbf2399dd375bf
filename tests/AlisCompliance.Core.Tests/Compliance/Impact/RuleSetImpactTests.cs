using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;
using NodaTime;

namespace AlisCompliance.Core.Tests.Compliance.Impact;

public class RuleSetImpactTests
{
    private static readonly LocalDate AsOf = new(2026, 12, 2);

    [Fact]
    public void Identical_reports_have_no_impact()
    {
        var report = Report("v1", [Finding("a", "alis-1", "SUP", Severity.Warning)]);

        var impact = RuleSetImpact.Compare(report, report with { RuleSetVersion = "v2" });

        impact.HasChanges.Should().BeFalse();
        impact.Municipalities.Should().BeEmpty();
        (impact.FromVersion, impact.ToVersion).Should().Be(("v1", "v2"));
    }

    [Fact]
    public void Findings_only_in_the_new_report_are_gained_and_only_in_the_old_are_lost()
    {
        var from = Report("v1", [Finding("a", "alis-1", "SUP", Severity.Warning)]);
        var to = Report("v2", [Finding("a", "alis-1", "DL", Severity.Violation)]);

        var impact = RuleSetImpact.Compare(from, to);

        var alis = impact.Municipalities.Should().ContainSingle().Which.Alis.Should().ContainSingle().Subject;
        alis.Gained.Select(finding => finding.RuleId).Should().Equal("DL");
        alis.Lost.Select(finding => finding.RuleId).Should().Equal("SUP");
        alis.Changed.Should().BeEmpty();
        (impact.FindingsGained, impact.FindingsLost, impact.AlisChanged).Should().Be((1, 1, 1));
    }

    [Fact]
    public void A_new_severity_or_message_is_a_change_but_new_evidence_alone_is_not()
    {
        var before = Finding("a", "alis-1", "SUP", Severity.Warning);
        var from = Report("v1", [before, Finding("a", "alis-2", "SUP", Severity.Warning)]);
        var to = Report("v2", [before with { Severity = Severity.Violation }, Finding("a", "alis-2", "SUP", Severity.Warning) with { Evidence = new JsonObject { ["hours"] = 3 } }]);

        var impact = RuleSetImpact.Compare(from, to);

        var alis = impact.Municipalities.Single().Alis.Should().ContainSingle().Subject;
        alis.AlisId.Should().Be("alis-1");
        alis.Changed.Should().ContainSingle().Which.Should().Match<FindingChange>(change => change.Before.Severity == Severity.Warning && change.After.Severity == Severity.Violation);
    }

    [Fact]
    public void A_rule_that_fails_to_evaluate_under_the_new_rules_is_reported_for_its_alis()
    {
        var from = Report("v1", []);
        var to = Report("v2", [], [new EvaluationError("alis-9", "b", "SUP", "Regelen brukte for lang tid.")]);

        var impact = RuleSetImpact.Compare(from, to);

        var municipality = impact.Municipalities.Should().ContainSingle().Subject;
        municipality.MunicipalityId.Should().Be("b");
        municipality.Alis.Single().Errors.Should().ContainSingle().Which.RuleId.Should().Be("SUP");
    }

    [Fact]
    public void Municipalities_and_alis_are_listed_in_id_order_and_the_same_alis_id_in_two_municipalities_is_two_alis()
    {
        var from = Report("v1", []);
        var to = Report("v2", [Finding("b", "alis-1", "SUP", Severity.Info), Finding("a", "alis-2", "SUP", Severity.Info), Finding("a", "alis-1", "SUP", Severity.Info)]);

        var impact = RuleSetImpact.Compare(from, to);

        impact.Municipalities.Select(municipality => municipality.MunicipalityId).Should().Equal("a", "b");
        impact.Municipalities[0].Alis.Select(alis => alis.AlisId).Should().Equal("alis-1", "alis-2");
        impact.AlisChanged.Should().Be(3);
    }

    [Fact]
    public void Reports_as_of_different_dates_cannot_be_compared()
    {
        var today = Report("v1", []);

        var compare = () => RuleSetImpact.Compare(today, today with { AsOf = AsOf.PlusDays(1) });

        compare.Should().Throw<ArgumentException>();
    }

    private static ComplianceReport Report(string version, IReadOnlyList<Finding> findings, IReadOnlyList<EvaluationError>? errors = null) =>
        new(AsOf, version, 10, 3, findings, errors ?? []);

    private static Finding Finding(string municipalityId, string alisId, string ruleId, Severity severity) =>
        new(alisId, municipalityId, ruleId, null, severity, $"{ruleId} brutt", "Spesialistforskriften § 25", ["leader"], []);
}
