using System.Text.Json;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

public class RulesExplainCommandTests
{
    [Fact]
    public async Task A_failing_rule_shows_its_message_the_facts_it_read_and_the_law()
    {
        var run = await Explain("alis-02", "2026-11-23");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("Forklaring for ALIS alis-02 (kommune 3417, ny ordning) per 23.11.2026");
        var rule = Section(run.Output, "FEIL SUP-ANNUAL-42H (brudd)");
        rule.Should().Contain("Melding: Utdanningsår 2 (11.03.2025–10.03.2026) fikk 28,58 timer individuell veiledning av minst 42.")
            .And.Contain("Hjemmel: Spesialistforskriften § 25")
            .And.Contain("Fakta lest:")
            .And.Contain("From = 11.03.2025, To = 10.03.2026, IsComplete = ja, SupervisionHours = 28,58, Sessions = 18")
            .And.Contain("Verdier (LocalParams):")
            .And.Contain("yearsShort = 1");
        run.Output.Should().Contain("Gjelder ikke ny ordning: DL-TRANSITION-2026, DL-CONVERSION-2023");
    }

    [Fact]
    public async Task A_passing_rule_shows_ok_with_its_facts()
    {
        var run = await Explain("alis-02", "2026-11-23");

        var rule = Section(run.Output, "OK   VEI-WORKPLACE");
        rule.Should().Contain("Grunnlag: Kvalitetssignal: KVALIS-studien")
            .And.Contain("current = { Id = veileder-2, AssignedFrom = 11.03.2024")
            .And.Contain("current.WorksInAlisMunicipality = ja");
    }

    [Fact]
    public async Task Json_holds_the_verdicts_facts_and_values()
    {
        var run = await Explain("alis-04", "2026-12-02", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        (root.GetProperty("alisId").GetString(), root.GetProperty("scheme").GetString(), root.GetProperty("asOf").GetString())
            .Should().Be(("alis-04", "old", "2026-12-02"));
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        var deadline = rules.Single(rule => rule.GetProperty("ruleId").GetString() == "DL-TRANSITION-2026");
        deadline.GetProperty("verdict").GetString().Should().Be("fail");
        deadline.GetProperty("severity").GetString().Should().Be("warning");
        deadline.GetProperty("message").GetString().Should().Be("ALIS er på gammel ordning, som må være fullført innen 31.12.2026: om 29 dager.");
        deadline.GetProperty("legalReference").GetString().Should().StartWith("Spesialistforskriften § 39");
        deadline.GetProperty("localParams").GetProperty("daysLeft").GetInt32().Should().Be(29);
        var facts = deadline.GetProperty("facts").EnumerateArray().ToDictionary(fact => fact.GetProperty("expression").GetString()!, fact => fact.GetProperty("value").ToString());
        facts.Should().Contain("transitionDeadline", "2026-12-31").And.Contain("alis.IsOnOldScheme", "True");
        var children = deadline.GetProperty("children").EnumerateArray().ToDictionary(child => child.GetProperty("ruleId").GetString()!, child => child.GetProperty("verdict").GetString());
        children.Should().Equal(new Dictionary<string, string?>
        {
            ["DL-TRANSITION-2026-PASSED"] = "pass",
            ["DL-TRANSITION-2026-NEAR"] = "fail",
            ["DL-TRANSITION-2026-AHEAD"] = "pass",
        });
        rules.Single(rule => rule.GetProperty("ruleId").GetString() == "ACT-EMNEKURS").GetProperty("verdict").GetString().Should().Be("notForScheme");
    }

    [Fact]
    public async Task An_unknown_alis_is_refused_with_the_closest_id()
    {
        var run = await Explain("alis-4", "2026-11-23");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("Fant ingen ALIS med id 'alis-4'").And.Contain("Mente du 'alis-04'?");
    }

    private static Task<CliRun> Explain(string alisId, string asOf, params string[] more) =>
        CliRun.RunAsync(["rules", "explain", alisId, "--records", RepositoryRoot.Combine("samples", "asnes"), "--as-of", asOf, .. more]);

    /// <summary>The rule's lines, from its heading to the blank line after it.</summary>
    private static string Section(string output, string heading)
    {
        var start = output.IndexOf(Environment.NewLine + heading + Environment.NewLine, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the output has the line '{heading}':{Environment.NewLine}{output}");
        var end = output.IndexOf(Environment.NewLine + Environment.NewLine, start + 1, StringComparison.Ordinal);
        return output[start..end];
    }
}
