using System.Reflection;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>
/// <see cref="ServeBindings.All"/> is what serve really binds: the WebJobs attributes of its function classes and its Kestrel
/// endpoints. (AlisCompliance.Functions.Tests compares the same list with the Azure worker's functions.metadata.)
/// </summary>
public sealed class ServeBindingsTests
{
    [Fact]
    public void The_webjobs_attributes_are_the_queue_and_timer_bindings()
    {
        var bound = new[] { typeof(ServeQueueFunctions), typeof(ServeTimerFunctions) }
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method =>
            {
                var name = method.GetCustomAttribute<FunctionNameAttribute>()!.Name;
                var parameters = method.GetParameters();
                var queue = parameters.Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).SingleOrDefault(a => a is not null);
                var timer = parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null);
                return queue is not null
                    ? new ServeBinding(name, ServeTrigger.Queue, Queue: queue.QueueName)
                    : new ServeBinding(name, ServeTrigger.Timer, Schedule: timer!.ScheduleExpression);
            });

        bound.Should().BeEquivalentTo(ServeBindings.All.Where(b => b.Trigger != ServeTrigger.Http));
    }

    [Fact]
    public async Task The_kestrel_endpoints_are_the_http_bindings_under_the_route_prefix()
    {
        await using var app = ServeHost.Build(ServeRun.Options("UseDevelopmentStorage=true", drain: false), addUseCases: (_, _) => { });

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (
                Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName,
                Route: e.RoutePattern.RawText,
                Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods));

        endpoints.Should().BeEquivalentTo(ServeBindings.All.Where(b => b.Trigger == ServeTrigger.Http)
            .Select(b => (Name: b.FunctionName, Route: $"/{FunctionBindings.RoutePrefix}/{b.Route}", Methods: (IReadOnlyList<string>)[b.Method!])));
    }

    [Fact]
    public async Task Queue_options_come_from_the_top_level_host_json()
    {
        var options = ServeRun.Options("UseDevelopmentStorage=true", drain: false) with { Settings = new Dictionary<string, string?>(StringComparer.Ordinal) };
        await using var app = ServeHost.Build(options, addUseCases: (_, _) => { });

        var queues = app.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;

        queues.MaxDequeueCount.Should().Be(5);
        queues.VisibilityTimeout.Should().Be(TimeSpan.FromSeconds(30));
        queues.BatchSize.Should().Be(16);
        queues.MaxPollingInterval.Should().Be(TimeSpan.FromSeconds(2));
        queues.MessageEncoding.Should().Be(Azure.Storage.Queues.QueueMessageEncoding.Base64);
    }

    [Fact]
    public void Local_settings_values_are_read_with_double_underscores_as_sections()
    {
        using var folder = new Commands.TempFolder();
        var path = Path.Combine(folder.Path, "local.settings.json");
        File.WriteAllText(path, """{ "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "UseDevelopmentStorage=true", "Smtp__Port": 2525 } }""");

        var settings = ServeConfiguration.FromLocalSettings(path);

        settings.Should().BeEquivalentTo(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Smtp:Port"] = "2525" });
        ServeConfiguration.FromLocalSettings(Path.Combine(folder.Path, "missing.json")).Should().BeEmpty();
    }

    [Fact]
    public void The_route_prefix_is_host_jsons()
    {
        ServeConfiguration.FromHostJson(RepositoryRoot.Combine("host.json"))["AzureWebJobs:extensions:http:routePrefix"].Should().Be(FunctionBindings.RoutePrefix);
    }

    [Fact]
    public async Task Serve_without_its_host_json_says_so()
    {
        var run = await Commands.CliRun.RunAsync("serve", "--host-json", "/nonexistent/host.json", "--drain");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Fant ikke host.json");
    }
}
