using System.Text.Json;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

public class RulesDiffCommandTests
{
    private const string DeadlineLine = "{ \"Name\": \"transitionDeadline\", \"Expression\": \"Dates.Parse(\\\"2026-12-31\\\")\" },";

    /// <summary>
    /// The quality bar of issue 10: the transition deadline moves from 31.12.2026 to 31.12.2027 as a one-line edit, and
    /// `rules diff` shows what that does. In the Åsnes sample only alis-04 is on the old scheme (overgangsordningen).
    /// </summary>
    [Fact]
    public async Task Moving_the_transition_deadline_a_year_is_one_line_and_shows_the_changed_findings()
    {
        using var rules = CopyWithTransitionDeadline("2027-12-31", out var before, out var after);
        var changedLines = before.Zip(after).Where(pair => pair.First != pair.Second).ToList();
        before.Should().HaveSameCount(after);
        changedLines.Should().ContainSingle().Which.Second.Trim().Should().Be(DeadlineLine.Replace("2026-12-31", "2027-12-31", StringComparison.Ordinal));

        var test = await CliRun.RunAsync("rules", "test", rules.Path);
        test.ExitCode.Should().Be(0, test.Error + test.Output);

        // Four weeks before the old deadline: the warning becomes a notice a year ahead.
        var december = await Diff(rules.Path, "2026-12-02");
        december.ExitCode.Should().Be(0, december.Error);
        december.Output.Should().Be(
            """
            Virkning av regelendringen per 02.12.2026
            Regelsett {from} → {to}

            Kommune 3417
              alis-04
                ~ DL-TRANSITION-2026: advarsel → til orientering
                  ny melding: ALIS er på gammel ordning, som må være fullført innen 31.12.2027 (394 dager igjen).

            Totalt: 1 ALIS endres: 1 endret

            """.Replace("{from}", Version(december.Output, 0), StringComparison.Ordinal).Replace("{to}", Version(december.Output, 1), StringComparison.Ordinal).ReplaceLineEndings());

        // After the old deadline: the violation is gone.
        var january = await Diff(rules.Path, "2027-01-15", "--format", "json");
        january.ExitCode.Should().Be(0, january.Error);
        using var json = JsonDocument.Parse(january.Output);
        var root = json.RootElement;
        root.GetProperty("asOf").GetString().Should().Be("2027-01-15");
        root.GetProperty("totals").GetProperty("alisChanged").GetInt32().Should().Be(1);
        var alis = root.GetProperty("municipalities").EnumerateArray().Should().ContainSingle().Subject.GetProperty("alis").EnumerateArray().Should().ContainSingle().Subject;
        alis.GetProperty("alisId").GetString().Should().Be("alis-04");
        var change = alis.GetProperty("changed").EnumerateArray().Should().ContainSingle().Subject;
        change.GetProperty("ruleId").GetString().Should().Be("DL-TRANSITION-2026");
        change.GetProperty("before").GetProperty("severity").GetString().Should().Be("violation");
        change.GetProperty("before").GetProperty("message").GetString().Should()
            .Be("Overgangsordningen gikk ut 31.12.2026. ALIS er fortsatt på gammel ordning og er ikke godkjent spesialist.");
        change.GetProperty("after").GetProperty("severity").GetString().Should().Be("info");
        change.GetProperty("after").GetProperty("message").GetString().Should()
            .Be("ALIS er på gammel ordning, som må være fullført innen 31.12.2027 (350 dager igjen).");
        alis.GetProperty("gained").GetArrayLength().Should().Be(0);
        alis.GetProperty("lost").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_same_rules_change_nothing()
    {
        var run = await Diff(RepositoryRoot.Combine("rules"), "2026-11-23");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Ingen endringer").And.Contain("per 23.11.2026");
    }

    [Fact]
    public async Task A_rule_that_now_fires_is_gained_and_one_that_no_longer_does_is_lost()
    {
        using var rules = TempFolder.RulesWith("supervision.json", "\"Expression\": \"42.0\"", "\"Expression\": \"20.0\"");

        var run = await Diff(rules.Path, "2026-11-23");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("  alis-02").And.Contain("− SUP-ANNUAL-42H (var brudd)").And.Contain("funn forsvinner");
    }

    [Fact]
    public async Task A_broken_folder_is_named_and_nothing_is_compared()
    {
        using var rules = TempFolder.RulesWith("plan.json", "alis.MunicipalityIsRegisteredOn(asOf)", "alis.MunicipalityIsRegistredOn(asOf)");

        var run = await Diff(rules.Path, "2026-11-23");

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain($"Regelsettet i {rules.Path} kompilerer ikke").And.Contain("MunicipalityIsRegistredOn");
    }

    private static Task<CliRun> Diff(string to, string asOf, params string[] more) =>
        CliRun.RunAsync(["rules", "diff", "--records", RepositoryRoot.Combine("samples", "asnes"), "--from", RepositoryRoot.Combine("rules"), "--to", to, "--as-of", asOf, .. more]);

    private static TempFolder CopyWithTransitionDeadline(string deadline, out string[] before, out string[] after)
    {
        var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var file = rules.File("workflows", "deadlines.json");
        before = File.ReadAllLines(file);
        after = [.. before.Select(line => line.Replace("Dates.Parse(\\\"2026-12-31\\\")", $"Dates.Parse(\\\"{deadline}\\\")", StringComparison.Ordinal))];
        File.WriteAllLines(file, after);
        return rules;
    }

    private static string Version(string table, int index) =>
        table.Split('\n')[1]["Regelsett ".Length..].Split(" → ")[index].Trim();
}
