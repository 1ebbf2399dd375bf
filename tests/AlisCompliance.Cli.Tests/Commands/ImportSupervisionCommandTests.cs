using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using NodaTime;
using AzuriteFixture = AlisCompliance.Storage.Tests.Infrastructure.AzuriteFixture;

namespace AlisCompliance.Cli.Tests.Commands;

[Collection(AzuriteCli.Name)]
public sealed class ImportSupervisionCommandTests(AzuriteFixture azurite)
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "asnes");

    [Fact]
    public async Task A_spreadsheet_log_with_norwegian_dates_becomes_sessions_and_a_reimport_changes_nothing()
    {
        var storage = await IngestedAsync();
        using var folder = new TempFolder();
        var csv = folder.File("logg.csv");
        await File.WriteAllTextAsync(csv, """
            date;minutes;veileder_id;alis_id;referat_finalised
            02.12.2026;60;veileder-1;alis-01;ja
            2026-12-09;45;veileder-1;alis-01;nei
            09.12.2026;45;veileder-1;alis-01;nei

            16.12.2026;90;veileder-2;alis-02;1
            """);

        var queuedByIngest = await storage.QueuedAsync();
        var run = await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);
        var queuedByImport = await storage.QueuedAsync() - queuedByIngest;
        var again = await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("4 nye, 0 endret, 0 fantes fra før").And.Contain("2 ny(e) eller endret").And.Contain("2 ALIS lagt i køen");
        queuedByImport.Should().Be(2, "only the two ALIS whose sessions changed");
        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Should().Contain("0 nye, 0 endret, 4 fantes fra før").And.Contain("Ingen endringer: ingen ALIS lagt i køen.");
        (await storage.QueuedAsync()).Should().Be(queuedByIngest + 2, "a re-import of the same log queues nothing");
        var alis = (await Repository(storage).LoadAlisAsync("3417", "alis-01"))!.Alis.Single();
        var imported = alis.SupervisionSessions.Where(session => session.Id.StartsWith("csv-", StringComparison.Ordinal)).ToList();
        imported.Select(session => (session.Date, session.Minutes, session.ReferatFinalised)).Should().Equal(
            (new LocalDate(2026, 12, 2), 60, true), (new LocalDate(2026, 12, 9), 45, false), (new LocalDate(2026, 12, 9), 45, false));
        imported.Select(session => session.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_corrected_line_updates_its_session_instead_of_adding_one()
    {
        var storage = await IngestedAsync();
        using var folder = new TempFolder();
        var csv = folder.File("logg.csv");
        await File.WriteAllTextAsync(csv, "date,minutes,veileder_id,alis_id,referat_finalised\n2026-12-02,60,veileder-1,alis-01,nei\n");
        await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);
        await File.WriteAllTextAsync(csv, "date,minutes,veileder_id,alis_id,referat_finalised\n2026-12-02,75,veileder-1,alis-01,ja\n");

        var run = await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);

        run.Output.Should().Contain("0 nye, 1 endret, 0 fantes fra før");
        var sessions = (await Repository(storage).LoadAlisAsync("3417", "alis-01"))!.Alis.Single().SupervisionSessions;
        sessions.Where(session => session.Id.StartsWith("csv-", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Match<Core.Records.SupervisionSession>(session => session.Minutes == 75 && session.ReferatFinalised);
    }

    [Fact]
    public async Task Every_bad_line_is_reported_with_its_number_and_nothing_is_imported()
    {
        var storage = await IngestedAsync();
        var before = await Repository(storage).LoadAlisVersionAsync("3417", "alis-01");
        using var folder = new TempFolder();
        var csv = folder.File("logg.csv");
        await File.WriteAllTextAsync(csv, """
            date,minutes,veileder_id,alis_id,referat_finalised
            2026-12-02,60,veileder-1,alis-01,ja
            30.02.2026,60,veileder-1,alis-01,ja
            2026-12-03,abc,veileder-1,alis-01,ja
            2026-12-04,60,,alis-01,kanskje
            2026-12-05,60,veileder-1,alis-01,ja
            2026-12-06,-30,veileder-1,alis-01,nei
            """);

        var run = await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);

        run.ExitCode.Should().Be(2);
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "linje 3: date: '30.02.2026' er ingen gyldig dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
            "linje 4: minutes: 'abc' er ikke et helt antall minutter",
            "linje 5: veileder_id: mangler",
            "linje 5: referat_finalised: 'kanskje' må være ja eller nei",
            "linje 7: minutes: kan ikke være negativ (-30)",
            "Ingenting er importert: 5 feil.");
        (await Repository(storage).LoadAlisVersionAsync("3417", "alis-01"))!.BatchId.Should().Be(before!.BatchId);
    }

    [Fact]
    public async Task Unknown_alis_and_veiledere_are_reported_by_line()
    {
        var storage = await IngestedAsync();
        using var folder = new TempFolder();
        var csv = folder.File("logg.csv");
        await File.WriteAllTextAsync(csv, "alis_id,date,minutes,veileder_id,referat_finalised,kommentar\nalis-99,2026-12-02,60,veileder-1,ja,x\nalis-01,2026-12-02,60,veileder-42,ja,\n");

        var run = await CliRun.RunAsync(["import-supervision", csv, "--municipality", "3417", .. storage.Arguments]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("linje 2: alis_id: ALIS 'alis-99' finnes ikke i kommune 3417")
            .And.Contain("linje 3: veileder_id: veileder 'veileder-42' finnes ikke i kommune 3417");
    }

    [Fact]
    public async Task The_sample_log_the_readme_imports_adds_its_three_sessions()
    {
        var storage = await IngestedAsync();

        var run = await CliRun.RunAsync(["import-supervision", RepositoryRoot.Combine("samples", "asnes-supervision.csv"), "--municipality", "3417", .. storage.Arguments]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("3 nye, 0 endret, 0 fantes fra før");
        var alis10 = (await Repository(storage).LoadAlisAsync("3417", "alis-10"))!.Alis.Single();
        alis10.SupervisionSessions.Should().Contain(session => session.Date == new LocalDate(2026, 11, 25) && session.Minutes == 75 && session.VeilederId == "veileder-6");
    }

    private async Task<CliStorage> IngestedAsync()
    {
        var storage = CliStorage.Fresh(azurite);
        var run = await CliRun.RunAsync(["ingest", Sample, .. storage.Arguments]);
        run.ExitCode.Should().Be(0, run.Error);
        return storage;
    }

    private static RecordsRepository Repository(CliStorage storage) =>
        new(storage.Connect(), new(IngestCommandTests.TestCatalog()), SystemClock.Instance);
}
