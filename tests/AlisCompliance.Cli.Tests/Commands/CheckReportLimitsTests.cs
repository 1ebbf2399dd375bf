using System.CommandLine;
using System.Text.Json;
using AlisCompliance.Cli.Commands;
using AlisCompliance.Cli.Output;
using AlisCompliance.Tests.Shared;
using NodaTime;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>`check` prints at most so many findings and rule errors, and says how many it left out.</summary>
public class CheckReportLimitsTests
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "asnes");
    private static readonly ReportLimits Three = new(3, 3);

    [Fact]
    public async Task Json_beyond_the_cap_lists_the_first_findings_and_counts_the_rest()
    {
        var full = await CliRun.RunAsync("check", Sample, "--as-of", "2026-11-23", "--format", "json");
        var run = await CheckAsync(Three, Sample, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.ReportTruncated, run.Error);
        using var all = JsonDocument.Parse(full.Output);
        using var json = JsonDocument.Parse(run.Output);
        var total = all.RootElement.GetProperty("findings").GetArrayLength();
        total.Should().BeGreaterThan(3);
        json.RootElement.GetProperty("findings").GetArrayLength().Should().Be(3);
        var truncated = json.RootElement.GetProperty("truncated");
        truncated.GetProperty("findings").GetInt32().Should().Be(total - 3);
        truncated.GetProperty("errors").GetInt32().Should().Be(0);
        truncated.GetProperty("message").GetString().Should().StartWith($"Rapporten er avkortet: {total - 3} funn og 0 regelfeil er utelatt");
        run.Error.Should().Contain("Rapporten er avkortet");
        all.RootElement.TryGetProperty("truncated", out _).Should().BeFalse("the default cap is far above the sample");
    }

    [Fact]
    public async Task The_table_beyond_the_cap_prints_three_findings_and_says_so_in_norwegian()
    {
        var run = await CheckAsync(Three, Sample);

        run.ExitCode.Should().Be(ExitCodes.ReportTruncated, run.Error);
        run.Output.Split('\n').Count(line => line.StartsWith("                  Hjemmel: ", StringComparison.Ordinal) || line.StartsWith("                  Grunnlag: ", StringComparison.Ordinal))
            .Should().Be(3);
        run.Output.Should().Contain("Totalt: ").And.Contain("Rapporten er avkortet: ").And.Contain("(høyst 3 funn og 3 regelfeil skrives)");
    }

    [Fact]
    public async Task Rule_errors_beyond_the_cap_are_counted_and_the_exit_code_says_not_everything_was_evaluated()
    {
        using var rules = TempFolder.RulesWithMunicipalityRule("1 / (alis.DaysInTraining(asOf) - alis.DaysInTraining(asOf)) == 0");

        var run = await CheckAsync(Three, Sample, "--rules", rules.Path, "--format", "json");

        run.ExitCode.Should().Be(ExitCodes.BadInput, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("errors").GetArrayLength().Should().Be(3);
        json.RootElement.GetProperty("truncated").GetProperty("errors").GetInt32().Should().Be(json.RootElement.GetProperty("alisEvaluated").GetInt32() - 3);
        run.Error.Split('\n').Count(line => line.StartsWith("Regelfeil: ", StringComparison.Ordinal)).Should().Be(3);
    }

    private static async Task<CliRun> CheckAsync(ReportLimits limits, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { CheckCommand.Create(output, error, SystemClock.Instance, limits) };
        var exitCode = await root.Parse(["check", .. args, "--as-of", "2026-11-23"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
