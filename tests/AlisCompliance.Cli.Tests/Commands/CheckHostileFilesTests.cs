using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>`check` pointed at files a careless user or an attacker might give it: a clear answer, exit 2, never a hang.</summary>
public sealed class CheckHostileFilesTests
{
    private static readonly string Sample = AlisCompliance.Tests.Shared.RepositoryRoot.Combine("samples", "asnes", "asnes.json");
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_folder_with_a_pipe_a_loop_and_a_Latin1_file_is_answered_file_by_file_and_the_good_file_is_still_checked()
    {
        using var folder = new TempFolder();
        File.Copy(Sample, folder.File("ASNES.JSON"));
        File.WriteAllBytes(folder.File("latin1.json"), Encoding.Latin1.GetBytes("{\"navn\": \"Bjørneby\"}"));
        File.CreateSymbolicLink(folder.File("loop.json"), folder.File("loop.json"));
        File.CreateSymbolicLink(folder.File("zero.json"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", folder.File("pipe.json")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var run = await CliRun.RunAsync("check", folder.Path, "--as-of", "2026-11-23", "--format", "json").WaitAsync(Quickly);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("latin1.json: filen er ikke lagret som UTF-8 (byte 13)")
            .And.Contain("loop.json: filen er en lenke som går i ring")
            .And.Contain("zero.json: filen er tom, eller er ikke en vanlig fil")
            .And.Contain("pipe.json: filen er tom, eller er ikke en vanlig fil");
        var report = JsonDocument.Parse(run.Output).RootElement;
        report.GetProperty("alisEvaluated").GetInt32().Should().Be(10, "ASNES.JSON is a records file whatever the letter case");
        report.GetProperty("rejectedFiles").EnumerateArray().Select(file => Path.GetFileName(file.GetProperty("file").GetString()))
            .Should().BeEquivalentTo("latin1.json", "loop.json", "pipe.json", "zero.json");
        report.GetProperty("errors").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_table_never_says_everyone_complies_when_a_file_was_rejected()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("broken.json"), "{ not json");

        var run = await CliRun.RunAsync("check", folder.Path, "--as-of", "2026-11-23");

        run.ExitCode.Should().Be(2);
        run.Output.Should().NotContain("alle ALIS oppfyller reglene");
        run.Output.Should().Contain("ikke alt ble vurdert").And.Contain("Vurdert: 0 ALIS · 1 fil avvist · 0 regelfeil");
    }

    [Fact]
    public async Task Control_characters_from_a_file_reach_the_terminal_escaped()
    {
        using var folder = new TempFolder();
        var records = File.ReadAllText(Sample).Replace("\"id\": \"alis-02\"", "\"id\": \"alis-02\\u001b[2J\"", StringComparison.Ordinal);
        File.WriteAllText(folder.File("asnes.json"), records);

        var run = await CliRun.RunAsync("check", folder.Path, "--as-of", "2026-11-23");

        (run.Output + run.Error).Should().NotContain("\u001b");
        run.Output.Should().Contain("alis-02\\u001B[2J");
    }
}
