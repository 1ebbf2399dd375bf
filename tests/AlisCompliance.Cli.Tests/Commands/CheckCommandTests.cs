using System.Text.Json;
using AlisCompliance.Tests.Shared;
using NodaTime;

namespace AlisCompliance.Cli.Tests.Commands;

public class CheckCommandTests
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "asnes");

    [Fact]
    public async Task Json_output_is_the_stable_contract_with_only_failing_rules()
    {
        var run = await CliRun.RunAsync("check", Sample, "--as-of", "2026-11-23", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("asOf").GetString().Should().Be("2026-11-23");
        root.GetProperty("ruleSet").GetProperty("version").GetString().Should().MatchRegex("^[0-9a-f]{12}$");
        root.GetProperty("ruleSet").GetProperty("rules").GetInt32().Should().BeGreaterThan(20);

        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        findings.Should().NotBeEmpty();
        foreach (var finding in findings)
        {
            finding.EnumerateObject().Select(property => property.Name).Should().Equal(
                "alisId", "municipalityId", "ruleId", "severity", "message", "legalReference", "evidence");
            finding.GetProperty("severity").GetString().Should().BeOneOf("info", "warning", "violation");
        }

        findings.Should().Contain(finding => finding.GetProperty("alisId").GetString() == "alis-02"
            && finding.GetProperty("ruleId").GetString() == "SUP-ANNUAL-42H"
            && finding.GetProperty("severity").GetString() == "violation");
        findings.Should().NotContain(finding => finding.GetProperty("alisId").GetString() == "alis-01", "alis-01 is the ALIS on track");
    }

    [Fact]
    public async Task The_sample_gives_exactly_the_findings_its_readme_promises()
    {
        // samples/README.md, "The ten ALIS and what each shows": keep the two in step.
        string[] expected =
        [
            "alis-02 GRP-GATHERINGS info", "alis-02 SUP-ANNUAL-42H violation", "alis-02 SUP-MONTHLY-AVG warning",
            "alis-03 VEI-EXEMPTION-EXPIRING warning",
            "alis-04 DL-TRANSITION-2026 warning", "alis-04 DUR-TOTAL info",
            "alis-07 COV-ARENA-GOALS warning", "alis-07 DUR-INSTITUTION warning", "alis-07 DUR-TOTAL warning",
            "alis-09 SUP-MINUTES warning", "alis-09 VEI-ONE-AT-A-TIME warning",
            "alis-10 GOAL-ASSESSMENT violation", "alis-10 VEI-WORKPLACE info",
        ];

        var run = await CliRun.RunAsync("check", Sample, "--as-of", "2026-11-23", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => $"{finding.GetProperty("alisId").GetString()} {finding.GetProperty("ruleId").GetString()} {finding.GetProperty("severity").GetString()}")
            .Order(StringComparer.Ordinal)
            .Should().Equal(expected);
    }

    [Fact]
    public async Task Table_output_is_norwegian_and_puts_the_worst_alis_first()
    {
        var run = await CliRun.RunAsync("check", Sample, "--as-of", "2026-11-23");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("Samsvarssjekk per 23.11.2026");
        run.Output.Should().Contain("BRUDD").And.Contain("Hjemmel: Spesialistforskriften");
        run.Output.Should().Contain("Grunnlag: Kvalitetssignal").And.NotContain("Hjemmel: Kvalitetssignal").And.NotContain("Hjemmel: Anbefaling");
        var firstAlis = run.Output.Split('\n').First(line => line.StartsWith("alis-", StringComparison.Ordinal));
        firstAlis.Should().Contain("1 brudd");
        run.Output.Should().Contain("1 godkjent læringsmål mangler anbefaling", "a count of one takes the singular")
            .And.Contain("4 veiledningssamtaler eldre enn 14 dager").And.Contain("0 filer avvist");
    }

    [Fact]
    public async Task Default_as_of_is_today_in_oslo()
    {
        // 23:30 UTC on 22 November is 00:30 on 23 November in Oslo.
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 22, 23, 30));

        var run = await CliRun.RunAsync(clock, "check", Sample, "--format", "json");

        JsonDocument.Parse(run.Output).RootElement.GetProperty("asOf").GetString().Should().Be("2026-11-23");
    }

    [Fact]
    public async Task Bad_records_exit_2_with_every_problem_and_nothing_evaluated_from_that_file()
    {
        using var folder = new TempFolder();
        var bad = File.ReadAllText(Path.Combine(Sample, "asnes.json"))
            .Replace("\"minutes\": 60,", "\"minutes\": -60,", StringComparison.Ordinal)
            .Replace("\"from\": \"2024-02-01\"", "\"from\": \"2026-02-30\"", StringComparison.Ordinal);
        System.IO.File.WriteAllText(folder.File("asnes.json"), bad);

        var run = await CliRun.RunAsync("check", folder.Path, "--as-of", "2026-11-23", "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("minutes").And.Contain("kan ikke være negativ");
        run.Error.Should().Contain("2026-02-30");
        JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_same_municipality_in_two_files_is_refused_in_the_second()
    {
        using var folder = new TempFolder();
        var records = System.IO.File.ReadAllText(Path.Combine(Sample, "asnes.json"));
        System.IO.File.WriteAllText(folder.File("a.json"), records);
        System.IO.File.WriteAllText(folder.File("b.json"), records);

        var run = await CliRun.RunAsync("check", folder.Path, "--as-of", "2026-11-23", "--format", "json");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("b.json").And.Contain("én fil per kommune");
        JsonDocument.Parse(run.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Count(finding => finding.GetProperty("ruleId").GetString() == "SUP-ANNUAL-42H").Should().Be(1, "alis-02 is evaluated once");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("23.11.2026")]
    public async Task An_impossible_as_of_date_is_refused(string asOf)
    {
        var run = await CliRun.RunAsync("check", Sample, "--as-of", asOf);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(asOf);
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        var run = await CliRun.RunAsync("check", "/no/such/records", "--as-of", "2026-11-23");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("/no/such/records").And.Contain("finnes ikke");
    }
}
