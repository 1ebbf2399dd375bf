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
    public async Task Ingesting_the_sample_stores_every_alis_and_enqueues_it_and_again_changes_and_enqueues_nothing()
    {
        var storage = CliStorage.Fresh(azurite);

        var run = await CliRun.RunAsync(["ingest", Sample, .. storage.Arguments]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Lagret 10 ALIS i 1 kommune(r) fra 1 fil(er): 10 ny(e) eller endret, 0 uendret.");
        var connected = storage.Connect();
        run.Output.Should().Contain("10 ALIS lagt i køen alis-changed");
        (await storage.QueuedAsync()).Should().Be(10);
        (await new RecordsRepository(connected, new(TestCatalog()), SystemClock.Instance).ListAlisAsync("3417")).Should().HaveCount(10);

        var again = await CliRun.RunAsync(["ingest", Sample, .. storage.Arguments]);
        again.ExitCode.Should().Be(0, again.Error);
        again.Output.Should().Contain("0 ny(e) eller endret, 10 uendret").And.Contain("Ingen endringer: ingen ALIS lagt i køen.");
        (await storage.QueuedAsync()).Should().Be(10, "re-sending unchanged records queues nothing");
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
        run.Error.Should().Contain("Lagringen feilet: fikk ikke kontakt med lagringstjenesten (ingen svar etter 4 forsøk).")
            .And.Contain("send filene på nytt").And.NotContain("Eby8vdM02x").And.NotContain("Headers");
    }

    [Fact]
    public async Task A_busy_storage_fails_after_the_retries_with_the_status_only()
    {
        await using var server = new AlisCompliance.Storage.Tests.Infrastructure.FixedStatusHttpServer(503, "Service Unavailable", "ServerBusy");
        var busy = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
            + $"TableEndpoint={server.Endpoint};QueueEndpoint={server.Endpoint}";

        var run = await CliRun.RunAsync(["ingest", Sample, "--connection-string", busy]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("Lagringen feilet: lagringstjenesten svarte HTTP 503").And.Contain("også etter nye forsøk.")
            .And.NotContain(AzuriteFixture.AccountKey).And.NotContain("x-ms-");
        server.Requests.Should().HaveCount(7 * 4, "seven tables are created at once, each with one try and the SDK's three retries");
    }

    internal static Core.Catalog.TrainingCatalog TestCatalog() => Core.Catalog.CatalogReader.Read(
        File.ReadAllText(RepositoryRoot.Combine("rules", "catalog", "goals.json")),
        File.ReadAllText(RepositoryRoot.Combine("rules", "catalog", "arena-types.json")));
}
