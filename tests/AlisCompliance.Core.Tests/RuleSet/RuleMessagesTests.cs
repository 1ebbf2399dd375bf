using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.RuleTests;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Core.Tests.RuleSet;

/// <summary>What the leader reads: the rule tests check severities; these check the words.</summary>
public class RuleMessagesTests
{
    [Fact]
    public void Plan_review_without_any_meeting_does_not_call_the_plan_a_meeting()
    {
        var finding = FindingIn("plan.json", "Ingen oppfølgingsmøte registrert, 214 dager etter at planen ble laget", "PLAN-REVIEW");

        finding.Message.Should().StartWith("Ingen oppfølgingsmøte (leder, veileder og ALIS) er registrert")
            .And.Contain("at den individuelle planen ble laget 15.04.2024")
            .And.NotContain("Siste oppfølgingsmøte");
    }

    [Fact]
    public void Supervision_pace_names_the_training_year_not_a_rolling_window()
    {
        var finding = FindingIn("supervision.json", "Bak skjema etter seks måneder av utdanningsåret (1,5 timer i måneden)", "SUP-MONTHLY-AVG");

        finding.Message.Should().StartWith("Utdanningsår 2 (01.03.2025–28.02.2026): 9 timer individuell veiledning etter 6 hele måneder")
            .And.Contain("minst 18 timer nå").And.NotContain("siste 12 måneder");
    }

    [Theory]
    [InlineData("2026-12-30", "DL-TRANSITION-2026", "alis-04", "som må være fullført innen 31.12.2026: om 1 dag.")]
    [InlineData("2026-12-29", "DL-TRANSITION-2026", "alis-04", "som må være fullført innen 31.12.2026: om 2 dager.")]
    [InlineData("2027-01-19", "VEI-EXEMPTION-EXPIRING", "alis-03", "utløper 20.01.2027, om 1 dag. Sørg")]
    [InlineData("2027-01-18", "VEI-EXEMPTION-EXPIRING", "alis-03", "utløper 20.01.2027, om 2 dager. Sørg")]
    [InlineData("2026-11-23", "VEI-ONE-AT-A-TIME", "alis-09", "uten veileder i 1 periode det siste året")]
    [InlineData("2026-11-23", "GOAL-ASSESSMENT", "alis-10", "1 godkjent læringsmål mangler anbefaling")]
    [InlineData("2026-11-23", "SUP-MINUTES", "alis-09", "4 veiledningssamtaler eldre enn 14 dager")]
    public void A_count_of_one_takes_the_singular_in_rule_messages(string asOf, string ruleId, string alisId, string expected)
    {
        using var rules = RulesFolder.Repository.Compile();

        var findings = RulesFolder.Repository.CheckSample(rules, NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value).Findings;

        findings.Single(finding => finding.RuleId == ruleId && finding.AlisId == alisId).Message.Should().Contain(expected);
    }

    [Fact]
    public void No_national_rule_cites_one_municipality_s_education_plan()
    {
        using var rules = RulesFolder.Repository.Compile();

        rules.Rules.Select(rule => $"{rule.Name}: {rule.Properties.GetString("legalReference")}")
            .Should().NotContain(reference => reference.Contains("Åsnes", StringComparison.OrdinalIgnoreCase)
                || (reference.Contains("utdanningsplan", StringComparison.OrdinalIgnoreCase) && reference.Contains("kommune", StringComparison.OrdinalIgnoreCase)));
    }

    private static Finding FindingIn(string testFile, string caseName, string ruleId)
    {
        using var rules = RulesFolder.Repository.Compile();
        var catalog = RulesFolder.Repository.Catalog;
        var source = RulesFolder.Repository.Tests.Single(file => Path.GetFileName(file.Name) == testFile);
        var errors = new List<string>();
        var testCase = RuleTestFileReader.Read(source.Name, source.Json, rules.NamedDates, errors).Single(candidate => candidate.Name == caseName);
        errors.Should().BeEmpty();
        var records = new RecordsReader(catalog).Read(caseName, testCase.RecordsJson).Records!;

        return new ComplianceChecker(rules, catalog).EvaluateAlis(records, records.Alis[0], testCase.AsOf).Findings.Single(finding => finding.RuleId == ruleId);
    }
}
