using AlisCompliance.Storage.Repositories;
using AzuriteFixture = AlisCompliance.Storage.Tests.Infrastructure.AzuriteFixture;
using AlisCompliance.Tests.Shared;
using NodaTime;

namespace AlisCompliance.Cli.Tests.Commands;

[Collection(AzuriteCli.Name)]
public sealed class IngestCommandTests(AzuriteFixture azurite)
{
    private static readonly string Sample = RepositoryRoot.Combine("samples", "asnes");

    [Fact]
    public async Task Ingesting_the_sample_stores_every_alis_and_enqueues_it()
    {
        var storage = CliStorage.Fresh(azurite);

        var run = await CliRun.RunAsync(["ingest", Sample, .. storage.Arguments]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Lagret 10 ALIS i 1 kommune(r) fra 1 fil(er): 10 ny(e) eller endret, 0 uendret.");
        var connected = storage.Connect();
        (await connected.AlisChanged.GetApproximateMessageCountAsync()).Should().Be(10);
        (await new RecordsRepository(connected, new(TestCatalog()), SystemClock.Instance).ListAlisAsync("3417")).Should().HaveCount(10);

        var again = await CliRun.RunAsync(["ingest", Sample, .. storage.Arguments]);
        again.Output.Should().Contain("0 ny(e) eller endret, 10 uendret").And.Contain("0 rader skrevet");
    }

    [Fact]
    public async Task A_file_with_errors_is_refused_whole_with_exit_code_2()
    {
        var storage = CliStorage.Fresh(azurite);
        using var folder = new TempFolder();
        var text = await File.ReadAllTextAsync(Path.Combine(Sample, "asnes.json"));
        await File.WriteAllTextAsync(folder.File("a-good.json"), text.Replace("\"id\": \"3417\"", "\"id\": \"3418\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(folder.File("b-bad.json"), text.Replace("\"minutes\": 80,", "\"minutes\": -30,", StringComparison.Ordinal));

        var run = await CliRun.RunAsync(["ingest", folder.Path, .. storage.Arguments]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("b-bad.json").And.Contain("minutes").And.Contain("Ingenting er lagret");
        (await new RecordsRepository(storage.Connect(), new(TestCatalog()), SystemClock.Instance).ListMunicipalitiesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Unreachable_storage_fails_with_exit_code_1_and_no_key_in_the_message()
    {
        var closed = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1";

        var run = await CliRun.RunAsync(["ingest", Sample, "--connection-string", closed]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("Lagringen feilet").And.NotContain("Eby8vdM02x");
    }

    internal static Core.Catalog.TrainingCatalog TestCatalog() => Core.Catalog.CatalogReader.Read(
        File.ReadAllText(RepositoryRoot.Combine("rules", "catalog", "goals.json")),
        File.ReadAllText(RepositoryRoot.Combine("rules", "catalog", "arena-types.json")));
}
