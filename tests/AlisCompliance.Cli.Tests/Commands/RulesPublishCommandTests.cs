using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using NodaTime;
using AzuriteFixture = AlisCompliance.Storage.Tests.Infrastructure.AzuriteFixture;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>`rules publish` and `rules history` against Azurite: the same use case as the HTTP function.</summary>
[Collection(AzuriteCli.Name)]
public sealed class RulesPublishCommandTests(AzuriteFixture azurite)
{
    private static readonly FixedClock Today = new(Instant.FromUtc(2026, 11, 23, 9, 0));

    [Fact]
    public async Task A_dry_run_prints_the_impact_table_and_stores_nothing_then_the_publication_queues_every_ALIS()
    {
        var storage = CliStorage.Fresh(azurite);
        (await CliRun.RunAsync(Today, ["ingest", RepositoryRoot.Combine("samples", "asnes"), .. storage.Arguments])).ExitCode.Should().Be(0);
        using var rules = RulesFolder(PublishRulesBody.MoveTransitionDeadline);

        var dryRun = await CliRun.RunAsync(Today, ["rules", "publish", rules.Path, "--effective-from", "2026-11-23", "--dry-run", .. storage.Arguments]);

        dryRun.ExitCode.Should().Be(0, dryRun.Error);
        dryRun.Output.Should().Contain("Virkning av regelendringen per 23.11.2026").And.Contain("Kommune 3417").And.Contain("  alis-04")
            .And.Contain("~ DL-TRANSITION-2026: advarsel → til orientering").And.Contain("ingenting er lagret");
        (await new RuleSetRepository(storage.Connect()).ListAsync()).Should().BeEmpty();
        (await storage.QueuedAsync()).Should().Be(10, "only the ingest queued");

        var published = await CliRun.RunAsync(Today, ["rules", "publish", rules.Path, "--effective-from", "2026-11-23", "--note", "Fristen flyttet til 31.12.2027", .. storage.Arguments]);

        published.ExitCode.Should().Be(0, published.Error);
        published.Output.Should().Contain("Publiserte regelsett").And.Contain("gjelder fra 23.11.2026").And.Contain("10 ALIS er lagt i køen alis-changed");
        (await storage.QueuedAsync()).Should().Be(20);
        var history = await CliRun.RunAsync(Today, ["rules", "history", .. storage.Arguments]);
        history.ExitCode.Should().Be(0, history.Error);
        history.Output.Should().Contain("* ").And.Contain("gjelder fra 23.11.2026").And.Contain("av cli").And.Contain("Fristen flyttet til 31.12.2027");
    }

    [Fact]
    public async Task A_broken_folder_is_refused_with_exit_code_2_and_every_error_and_nothing_is_stored()
    {
        var storage = CliStorage.Fresh(azurite);
        using var rules = RulesFolder(PublishRulesBody.BreakSyntax);

        var run = await CliRun.RunAsync(Today, ["rules", "publish", rules.Path, "--effective-from", "2027-01-01", .. storage.Arguments]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().MatchRegex(@"workflows/deadlines\.json\(\d+,\d+\): DL-TRANSITION-2026/DL-TRANSITION-2026-PASSED: ")
            .And.Contain("Regelsettet er avvist: 1 feil. Ingenting er lagret");
        (await new RuleSetRepository(storage.Connect()).ListAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("31.12.2026", "er ingen gyldig dato")]
    [InlineData("2026-11-22", "er passert")]
    public async Task A_bad_or_past_effective_date_is_refused_with_exit_code_2(string date, string message)
    {
        var storage = CliStorage.Fresh(azurite);

        var run = await CliRun.RunAsync(Today, ["rules", "publish", RepositoryRoot.Combine("rules"), "--effective-from", date, .. storage.Arguments]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
    }

    [Fact]
    public async Task History_with_nothing_published_says_the_shipped_rules_are_in_force()
    {
        var run = await CliRun.RunAsync(Today, ["rules", "history", .. CliStorage.Fresh(azurite).Arguments]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Ingen regelsett er publisert");
    }

    private static TempFolder RulesFolder(Func<string, string, string> edit)
    {
        var folder = new TempFolder();
        foreach (var (name, text) in PublishRulesBody.Files(edit))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder.File(name))!);
            File.WriteAllText(folder.File(name), text);
        }

        return folder;
    }
}
