using System.Text.Json;
using AlisCompliance.Application.Access;
using AlisCompliance.Functions.Tests.Access;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Tests.Shared;
using Microsoft.Azure.WebJobs.Host;

namespace AlisCompliance.Functions.Tests.Publish;

/// <summary>
/// The published worker is what the Functions host needs: functions.metadata with the functions and their triggers,
/// the repository's host.json, worker.config.json and the host-side extensions. And serve binds exactly the same.
/// </summary>
[Collection(PublishedWorkerTests.Name)]
public sealed class PublishOutputTests(PublishedWorker worker)
{
    [Fact]
    public void The_metadata_lists_exactly_the_functions_with_their_triggers()
    {
        var functions = FunctionsMetadata.Read(worker.File("functions.metadata"));

        functions.Should().BeEquivalentTo(new[]
        {
            new ServeBinding("IngestRecords", ServeTrigger.Http, Route: "municipalities/{municipalityId}/records", Method: "POST"),
            new ServeBinding("EvaluateAlis", ServeTrigger.Queue, Queue: "alis-changed"),
            new ServeBinding("DeliverAlert", ServeTrigger.Queue, Queue: "leader-alerts"),
            new ServeBinding("NightlySweep", ServeTrigger.Timer, Schedule: "0 0 1 * * *"),
            new ServeBinding("WeeklyDigest", ServeTrigger.Timer, Schedule: "0 5 * * * *"),
            new ServeBinding("ComplianceStatus", ServeTrigger.Http, Route: "municipalities/{municipalityId}/status", Method: "GET"),
            new ServeBinding("ServiceHealth", ServeTrigger.Http, Route: "health", Method: "GET"),
            new ServeBinding("AuditQuery", ServeTrigger.Http, Route: "audit", Method: "GET"),
            new ServeBinding("PublishRules", ServeTrigger.Http, Route: "rules/publish", Method: "POST"),
        });
    }

    [Fact]
    public void Serve_binds_what_the_worker_binds()
    {
        FunctionsMetadata.Read(worker.File("functions.metadata")).Should().BeEquivalentTo(ServeBindings.All);
    }

    [Fact]
    public void The_http_functions_are_anonymous_to_the_host_so_the_gate_decides()
    {
        HttpAuthLevels().Should().OnlyContain(function => function.AuthLevel == "Anonymous").And.NotBeEmpty();
    }

    [Fact]
    public void Every_published_http_function_has_an_access_entry_and_is_the_one_the_isolation_tests_call()
    {
        var published = FunctionsMetadata.Read(worker.File("functions.metadata")).Where(function => function.Trigger == ServeTrigger.Http).ToList();

        published.Select(function => function.FunctionName).Should().OnlyContain(name => AccessTable.Entries.ContainsKey(name));
        published.Select(function => new HttpFunction(function.FunctionName, function.Method!, function.Route!)).Should().BeEquivalentTo(WorkerFunctions.Http);
    }

    private IEnumerable<(string? Function, string? AuthLevel)> HttpAuthLevels()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(worker.File("functions.metadata")));
        return [.. metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .Select(b => (Function: f.GetProperty("name").GetString(), AuthLevel: b.GetProperty("authLevel").GetString())))];
    }

    [Fact]
    public void The_host_json_is_the_repositorys()
    {
        File.ReadAllText(worker.File("host.json")).Should().Be(File.ReadAllText(RepositoryRoot.Combine("host.json")));
    }

    [Fact]
    public void The_worker_config_starts_the_isolated_worker()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(worker.File("worker.config.json")));
        var description = config.RootElement.GetProperty("description");

        description.GetProperty("language").GetString().Should().Be("dotnet-isolated");
        description.GetProperty("defaultWorkerPath").GetString().Should().Be("AlisCompliance.Functions.dll");
        File.Exists(worker.File("AlisCompliance.Functions.dll")).Should().BeTrue();
    }

    [Fact]
    public void The_host_loads_the_same_queue_extension_serve_runs_on()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(worker.File("extensions.json")));
        var queues = extensions.RootElement.GetProperty("extensions").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "AzureStorageQueues");

        var serveQueues = typeof(QueuesOptions).Assembly.GetName();
        queues.GetProperty("typeName").GetString().Should().Contain($"{serveQueues.Name}, Version={serveQueues.Version}");
        File.Exists(Path.Combine(worker.Folder, queues.GetProperty("hintPath").GetString()!)).Should().BeTrue();
    }
}
