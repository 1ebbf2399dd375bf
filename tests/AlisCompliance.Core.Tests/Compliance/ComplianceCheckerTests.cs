using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Rules;
using AlisCompliance.Core.Tests.Facts;
using NodaTime;

namespace AlisCompliance.Core.Tests.Compliance;

public class ComplianceCheckerTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 23);

    private const string EscalatingDeadline = """
        {
          "WorkflowName": "test",
          "GlobalParams": [ { "Name": "deadline", "Expression": "new LocalDate(2026, 12, 31)" } ],
          "Rules": [
            {
              "RuleName": "DEADLINE",
              "Operator": "And",
              "LocalParams": [ { "Name": "daysLeft", "Expression": "Period.DaysBetween(asOf, deadline)" } ],
              "Properties": { "legalReference": "§ 1", "audience": ["leader"] },
              "Rules": [
                { "RuleName": "DEADLINE-PASSED", "Expression": "daysLeft >= 0", "ErrorMessage": "Fristen $(deadline) er passert.", "Properties": { "severity": "violation" } },
                { "RuleName": "DEADLINE-NEAR", "Expression": "daysLeft > 60", "ErrorMessage": "Fristen $(deadline) er om $(daysLeft) dager.", "Properties": { "severity": "warning" } }
              ]
            },
            {
              "RuleName": "HOURS",
              "LocalParams": [ { "Name": "hours", "Expression": "alis.SupervisionHours(asOf.PlusYears(-1), asOf)" } ],
              "Expression": "hours >= 41.5",
              "ErrorMessage": "Veiledning: $(hours) timer.",
              "Properties": { "severity": "violation", "legalReference": "§ 25", "audience": ["leader", "veileder"] }
            }
          ]
        }
        """;

    [Theory]
    [InlineData(2026, 10, 1, null)]
    [InlineData(2026, 11, 23, "warning")]
    [InlineData(2027, 1, 1, "violation")]
    public void One_rule_escalates_through_its_thresholds_and_the_worst_failing_child_decides(int year, int month, int day, string? expected)
    {
        using var rules = Compile(EscalatingDeadline);
        var alis = OnTrack();

        var evaluation = Checker(rules).EvaluateAlis(Records(alis), alis, new LocalDate(year, month, day));

        var finding = evaluation.Findings.SingleOrDefault(finding => finding.RuleId == "DEADLINE");
        if (expected is null)
        {
            finding.Should().BeNull();
            return;
        }

        SeverityNames.Code(finding!.Severity).Should().Be(expected);
        finding.LegalReference.Should().Be("§ 1");
        finding.Audience.Should().Equal("leader");
        finding.Evidence["daysLeft"]!.GetValue<long>().Should().Be(NodaTime.Period.DaysBetween(new LocalDate(year, month, day), new LocalDate(2026, 12, 31)));
    }

    [Fact]
    public void A_finding_carries_a_norwegian_message_and_the_evidence()
    {
        using var rules = Compile(EscalatingDeadline);
        var alis = OnTrack() with { SupervisionSessions = [FactsBuilder.Session(new LocalDate(2026, 5, 5), 90, "s-1")] };

        var finding = Checker(rules).EvaluateAlis(Records(alis), alis, AsOf).Findings.Single(finding => finding.RuleId == "HOURS");

        finding.Message.Should().Be("Veiledning: 1,5 timer.");
        finding.Evidence["hours"]!.GetValue<double>().Should().Be(1.5);
        finding.AlisId.Should().Be("alis-1");
        finding.MunicipalityId.Should().Be("3417");
    }

    [Fact]
    public void An_alis_approved_as_specialist_or_not_yet_started_gets_no_findings()
    {
        using var rules = Compile(EscalatingDeadline);
        var approved = OnTrack() with { SpecialistApprovedOn = new LocalDate(2026, 11, 1) };
        var notStarted = OnTrack() with { TrainingStart = new LocalDate(2027, 1, 1) };

        Checker(rules).EvaluateAlis(Records(approved), approved, AsOf).Findings.Should().BeEmpty();
        Checker(rules).EvaluateAlis(Records(notStarted), notStarted, AsOf).Findings.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_that_throws_is_reported_as_an_error_not_a_finding_and_the_others_still_run()
    {
        using var rules = Compile(EscalatingDeadline.Replace("\"hours >= 41.5\"", "\"alis.ServiceYears(\\\"no-such-category\\\", asOf, 0) > 0\"", StringComparison.Ordinal));
        var alis = OnTrack() with { ServicePeriods = [FactsBuilder.Period("legesenter", new LocalDate(2024, 3, 1), null)] };

        var evaluation = Checker(rules).EvaluateAlis(Records(alis), alis, new LocalDate(2027, 1, 1));

        evaluation.Errors.Should().ContainSingle().Which.RuleId.Should().Be("HOURS");
        evaluation.Errors[0].Message.Should().Contain("no-such-category");
        evaluation.Findings.Should().ContainSingle(finding => finding.RuleId == "DEADLINE");
    }

    [Fact]
    public void The_same_input_gives_the_same_report()
    {
        using var rules = Compile(EscalatingDeadline);
        var many = Enumerable.Range(1, 40).Select(index => OnTrack() with { Id = $"alis-{index}" }).ToList();
        var records = new MunicipalityRecords(FactsBuilder.Municipality, FactsBuilder.Veiledere, many);

        var first = Checker(rules).Check([records], AsOf);
        var second = Checker(rules).Check([records], AsOf);

        first.Findings.Select(finding => (finding.AlisId, finding.RuleId, finding.Message))
            .Should().Equal(second.Findings.Select(finding => (finding.AlisId, finding.RuleId, finding.Message)));
        first.Findings.Select(finding => finding.AlisId).Distinct().Should().HaveCount(40);
    }

    [Fact]
    public void The_version_follows_the_content_of_the_rules()
    {
        using var first = Compile(EscalatingDeadline);
        using var same = Compile(EscalatingDeadline);
        using var changed = Compile(EscalatingDeadline.Replace("41.5", "42.0", StringComparison.Ordinal));

        same.Version.Should().Be(first.Version);
        changed.Version.Should().NotBe(first.Version);
    }

    [Theory]
    [InlineData("\"severity\": \"violation\", \"legalReference\": \"§ 25\", ", "\"legalReference\": \"§ 25\", ", "Properties.severity")]
    [InlineData("\"severity\": \"violation\", \"legalReference\": \"§ 25\", ", "\"severity\": \"fatal\", \"legalReference\": \"§ 25\", ", "fatal")]
    [InlineData("\"legalReference\": \"§ 25\", ", "", "Properties.legalReference")]
    [InlineData("\"audience\": [\"leader\", \"veileder\"]", "\"audience\": [\"mayor\"]", "Properties.audience")]
    [InlineData("\"ErrorMessage\": \"Veiledning: $(hours) timer.\",", "", "ErrorMessage")]
    public void Rules_without_our_metadata_are_refused(string original, string replacement, string expected)
    {
        var broken = EscalatingDeadline.Replace(original, replacement, StringComparison.Ordinal);
        broken.Should().NotBe(EscalatingDeadline, "the test must change the rule");

        var compile = () => Compile(broken);

        compile.Should().Throw<RuleSetCompilationException>()
            .Which.Diagnostics.Should().Contain(diagnostic => diagnostic.RulePath == "HOURS" && diagnostic.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_rules_with_the_same_name_in_different_files_are_refused()
    {
        var compile = () => ComplianceRuleSet.Compile([new RuleSource("a.json", EscalatingDeadline), new RuleSource("b.json", EscalatingDeadline.Replace("\"test\"", "\"other\"", StringComparison.Ordinal))]);

        compile.Should().Throw<RuleSetCompilationException>()
            .Which.Diagnostics.Should().Contain(diagnostic => diagnostic.Message.Contains("finnes også i a.json", StringComparison.Ordinal));
    }

    private static ComplianceRuleSet Compile(string json) => ComplianceRuleSet.Compile([new RuleSource("test.json", json)]);

    private static ComplianceChecker Checker(ComplianceRuleSet rules) => new(rules, FactsBuilder.Catalog);

    private static AlisRecord OnTrack() => FactsBuilder.Alis(new LocalDate(2024, 3, 1));

    private static MunicipalityRecords Records(AlisRecord alis) => new(FactsBuilder.Municipality, FactsBuilder.Veiledere, [alis]);
}
