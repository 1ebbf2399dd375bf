namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>Help, usage and parse errors in Norwegian, the program named alis, exit code 2 for a bad command line.</summary>
public class NorwegianCommandLineTests
{
    private static readonly string[] EnglishTexts =
    [
        "Usage:", "Options:", "Arguments:", "Commands:", "Description:", "Show help and usage information",
        "Show version information", "Required argument missing", "Unrecognized command or argument", "Required command was not provided",
        "not recognized", "Must be one of",
    ];

    [Fact]
    public async Task Root_help_is_Norwegian_and_names_the_program_alis()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Bruk:\n  alis [kommando] [valg]".ReplaceLineEndings())
            .And.Contain("Valg:").And.Contain("Kommandoer:")
            .And.Contain("-?, -h, --help  Vis hjelp og bruk.")
            .And.Contain("--version").And.Contain("Vis versjonen av programmet.")
            .And.Contain("check").And.Contain("Sjekk records mot regelsettet");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Command_help_lists_its_argument_and_options_in_Norwegian()
    {
        var run = await CliRun.RunAsync("check", "--help");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("alis check <file-or-folder> [valg]")
            .And.Contain("Argumenter:").And.Contain("<file-or-folder>  En records-fil")
            .And.Contain("--as-of <as-of>").And.Contain("Vis hjelp og bruk.");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Rules_publish_help_is_Norwegian()
    {
        var run = await CliRun.RunAsync("rules", "publish", "--help");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("alis rules publish <rules-folder> [valg]")
            .And.Contain("--effective-from").And.Contain("i dag eller senere")
            .And.Contain("--dry-run").And.Contain("Bare vis virkningen")
            .And.Contain("--note").And.Contain("--connection-string");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Optional_argument_is_shown_in_brackets()
    {
        var run = await CliRun.RunAsync("rules", "test", "-h");

        run.Output.Should().Contain("alis rules test [<rules-folder>] [valg]");
    }

    [Fact]
    public async Task Missing_argument_is_named_in_Norwegian_with_exit_code_2()
    {
        var run = await CliRun.RunAsync("check");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("Mangler argumentet <file-or-folder>.")
            .And.Contain("Bruk: alis check <file-or-folder> [valg]").And.Contain("Se 'alis check --help' for mer hjelp.");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Unknown_command_is_named_first_with_exit_code_2()
    {
        var run = await CliRun.RunAsync("chek");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("Ukjent kommando eller argument 'chek'.").And.Contain("Se 'alis --help' for mer hjelp.");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Value_outside_the_allowed_ones_lists_them()
    {
        var run = await CliRun.RunAsync("check", "samples", "--format", "xml");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("Ugyldig verdi 'xml' for --format; gyldige verdier: json, table.");
        ShouldHaveNoEnglish(run);
    }

    [Fact]
    public async Task Option_without_its_value_says_so()
    {
        var run = await CliRun.RunAsync("check", "samples", "--as-of");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("--as-of mangler en verdi.");
    }

    [Fact]
    public async Task Command_group_without_a_command_lists_its_commands()
    {
        var run = await CliRun.RunAsync("rules");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("Velg en kommando: validate, test, diff, explain, publish, history.");
    }

    private static void ShouldHaveNoEnglish(CliRun run)
    {
        foreach (var english in EnglishTexts)
        {
            (run.Output + run.Error).Should().NotContain(english);
        }
    }
}

/// <summary>Counts in the CLI's own text take the noun in the right number.</summary>
public class NorwegianCountTests
{
    [Theory]
    [InlineData(1, "1 regel")]
    [InlineData(2, "2 regler")]
    [InlineData(0, "0 regler")]
    [InlineData(13475, "13\u00A0475 regler")]
    public void Noun_follows_the_count(long count, string expected)
    {
        AlisCompliance.Application.Text.NorwegianCount.Of(count, "regel", "regler").Should().Be(expected);
    }
}
