using System.Text.Json;
using AlisCompliance.Cli.Commands;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>`--rule-time-limit-ms` and `--rule-memory-limit-mb` set the budget of `check` and `rules test`.</summary>
public class RuleBudgetOptionsTests
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "asnes");

    // A cross join of six lists of an ALIS's sessions: billions of steps, far beyond any budget, within the lambda limits.
    private const string Runaway =
        "alis.Sessions.SelectMany(a => alis.Sessions).SelectMany(b => alis.Sessions).SelectMany(c => alis.Sessions).SelectMany(d => alis.Sessions).SelectMany(e => alis.Sessions).Count() >= 0";

    [Fact]
    public async Task A_runaway_rule_stops_at_the_time_limit_given_on_the_command_line()
    {
        using var rules = TempFolder.RulesWithMunicipalityRule(Runaway);

        var run = await CliRun.RunAsync("check", Sample, "--as-of", "2026-11-23", "--rules", rules.Path, "--format", "json", "--rule-time-limit-ms", "100");

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Should().HaveCount(json.RootElement.GetProperty("alisEvaluated").GetInt32());
        errors.Should().OnlyContain(error => error.GetProperty("ruleId").GetString() == "MUN-REGISTERED"
            && error.GetProperty("message").GetString()!.Contains("Regelen brukte mer enn 0,1 s og ble stoppet", StringComparison.Ordinal));
        json.RootElement.GetProperty("findings").EnumerateArray().Should().Contain(finding => finding.GetProperty("ruleId").GetString() == "SUP-ANNUAL-42H", "the other rules go on");
    }

    [Fact]
    public async Task Rules_test_takes_the_memory_limit()
    {
        var run = await CliRun.RunAsync("rules", "test", RepositoryRoot.Combine("rules"), "--rule-memory-limit-mb", "400", "--rule-time-limit-ms", "5000");

        run.ExitCode.Should().Be(0, run.Error);
    }

    [Theory]
    [InlineData("check", "--rule-time-limit-ms", "0")]
    [InlineData("check", "--rule-time-limit-ms", "-1")]
    [InlineData("check", "--rule-time-limit-ms", "2s")]
    [InlineData("check", "--rule-time-limit-ms", "3600001")]
    [InlineData("check", "--rule-memory-limit-mb", "0")]
    [InlineData("rules test", "--rule-memory-limit-mb", "20000")]
    [InlineData("rules test", "--rule-time-limit-ms", "abc")]
    public async Task A_non_positive_or_absurd_limit_is_refused_in_norwegian_with_exit_code_2(string command, string option, string value)
    {
        string[] target = command == "check" ? ["check", Sample] : ["rules", "test", RepositoryRoot.Combine("rules")];

        var run = await CliRun.RunAsync([.. target, option, value]);

        run.ExitCode.Should().Be(ExitCodes.BadInput);
        run.Error.Should().StartWith($"{option}: '{value}' er ingen gyldig grense. Skriv et helt antall");
        run.Output.Should().BeEmpty();
    }
}
