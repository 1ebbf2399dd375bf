using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Explain;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Core.Rules;
using AlisCompliance.Core.Tests.RuleSet;
using NodaTime;

namespace AlisCompliance.Core.Tests.Compliance.Explain;

public class RuleExplainerTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 23);

    /// <summary>The rules compiled with fact probes decide exactly as the normal ones: explain never tells another story than check.</summary>
    [Fact]
    public void For_every_sample_alis_the_failing_rules_are_the_findings_check_gives()
    {
        var folder = RulesFolder.Repository;
        using var normal = folder.Compile();
        using var recording = ComplianceRuleSet.Compile(folder.Workflows, recordFacts: true);
        var sample = AlisCompliance.Tests.Shared.RepositoryRoot.Combine("samples", "asnes", "asnes.json");
        var records = new RecordsReader(folder.Catalog).Read(sample, File.ReadAllText(sample)).Records!;
        var report = new ComplianceChecker(normal, folder.Catalog).Check([records], AsOf);
        report.Findings.Should().NotBeEmpty();

        foreach (var alis in records.Alis)
        {
            var explanation = RuleExplainer.Explain(recording, folder.Catalog, records, alis, AsOf);

            var failing = explanation.Rules.Where(rule => rule.Verdict == RuleVerdict.Failed).Select(rule => (rule.Rule.Name, rule.Severity, rule.Message));
            var findings = report.Findings.Where(finding => finding.AlisId == alis.Id).Select(finding => (finding.RuleId, (Severity?)finding.Severity, (string?)finding.Message));
            failing.Should().BeEquivalentTo(findings, alis.Id);
            explanation.Rules.Should().NotContain(rule => rule.Verdict == RuleVerdict.Error);
            explanation.Rules.Should().HaveCount(normal.RuleCount);
        }
    }

    [Fact]
    public void A_rule_outside_the_alis_scheme_is_marked_and_a_failing_rule_has_its_facts_and_law()
    {
        var folder = RulesFolder.Repository;
        using var recording = ComplianceRuleSet.Compile(folder.Workflows, recordFacts: true);
        var sample = AlisCompliance.Tests.Shared.RepositoryRoot.Combine("samples", "asnes", "asnes.json");
        var records = new RecordsReader(folder.Catalog).Read(sample, File.ReadAllText(sample)).Records!;
        var found = RuleExplainer.Find([records], "alis-04")!.Value;

        var explanation = RuleExplainer.Explain(recording, folder.Catalog, found.Records, found.Alis, new LocalDate(2026, 12, 2));

        explanation.Rules.Single(rule => rule.Rule.Name == "ACT-EMNEKURS").Verdict.Should().Be(RuleVerdict.NotForScheme);
        var deadline = explanation.Rules.Single(rule => rule.Rule.Name == "DL-TRANSITION-2026");
        (deadline.Verdict, deadline.Severity).Should().Be((RuleVerdict.Failed, Severity.Warning));
        deadline.LegalReference.Should().StartWith("Spesialistforskriften § 39");
        deadline.Facts.Should().Contain(new FactValue("transitionDeadline", new LocalDate(2026, 12, 31)));
        deadline.LocalParams.Should().Contain(new LocalParamValue("daysLeft", 29));
        deadline.Children.Select(child => child.Verdict).Should().Equal(RuleVerdict.Passed, RuleVerdict.Failed, RuleVerdict.Passed);
        RuleExplainer.Find([records], "alis-4").Should().BeNull();
        RuleExplainer.ClosestAlisId([records], "alis-4").Should().Be("alis-04");
    }
}
