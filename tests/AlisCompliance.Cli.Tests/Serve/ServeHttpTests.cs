using System.Net;
using System.Net.Http.Headers;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Storage;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>serve's HTTP functions on Kestrel: routes under /api/, the use case's answer copied as it is, the body limits and checks, the catch-all.</summary>
[Collection(WebJobsAzurite.Name)]
public sealed class ServeHttpTests(WebJobsAzuriteFixture azurite)
{
    [Fact]
    public async Task Ingest_passes_the_municipality_body_and_actor_and_returns_the_answer_as_it_is()
    {
        (string Municipality, string Body, string Actor)? call = null;
        var handlers = ServeRun.Handlers() with
        {
            IngestRecords = (municipalityId, body, actorId, _) =>
            {
                call = (municipalityId, System.Text.Encoding.UTF8.GetString(body.Span), actorId);
                return Task.FromResult(new HttpAnswer(400, HttpAnswer.Json, """{"problems":["x"]}"""));
            },
        };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var http = Client(serve, TestCallers.IngestA);

        using var response = await http.PostAsync($"api/municipalities/{TestCallers.MunicipalityA}/records", new StringContent("""{"records":[]}""", MediaTypeHeaderValue.Parse("application/json")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Json);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"problems":["x"]}""");
        call.Should().Be((TestCallers.MunicipalityA, """{"records":[]}""", TestCallers.IngestA.Id));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_without_calling_the_use_case()
    {
        var called = false;
        var handlers = ServeRun.Handlers() with { IngestRecords = (_, _, _, _) => { called = true; return Task.FromResult(new HttpAnswer(202, HttpAnswer.Json, "{}")); } };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var http = Client(serve, TestCallers.IngestA);
        using var body = new ByteArrayContent(new byte[BoundedBody.MaxIngestBytes + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync($"api/municipalities/{TestCallers.MunicipalityA}/records", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("16 MiB");
        called.Should().BeFalse();
    }

    [Theory]
    [InlineData("api/municipalities/3417/status?format=html", "html")]
    [InlineData("api/municipalities/3417/status", null)]
    public async Task Status_passes_the_format_and_returns_the_page(string path, string? expectedFormat)
    {
        string? format = "unset";
        var handlers = ServeRun.Handlers() with
        {
            ComplianceStatus = (municipalityId, given, _) =>
            {
                format = given;
                return Task.FromResult(new HttpAnswer(200, HttpAnswer.Html, $"<h1>{municipalityId}</h1>"));
            },
        };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var http = Client(serve, TestCallers.LeaderA);

        using var response = await http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Html);
        (await response.Content.ReadAsStringAsync()).Should().Be("<h1>3417</h1>");
        format.Should().Be(expectedFormat);
    }

    [Fact]
    public async Task Only_the_bound_methods_and_routes_answer()
    {
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), ServeRun.Handlers());
        using var http = Client(serve, TestCallers.LeaderA);

        using var wrongMethod = await http.GetAsync("api/municipalities/k1/records");
        using var noPrefix = await http.GetAsync("municipalities/k1/status");

        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        noPrefix.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_handler_that_throws_is_500_with_an_error_id_and_nothing_of_the_exception()
    {
        var handlers = ServeRun.Handlers() with { ServiceHealth = _ => throw new InvalidOperationException("secret at Some.Type.Method()") };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var http = Client(serve, TestCallers.Operator);

        using var response = await http.GetAsync("api/health");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        body.Should().Contain("errorId").And.Contain("feil-id").And.NotContain("secret").And.NotContain("Some.Type");
        var errorId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errorId").GetString()!;
        serve.Logs.Entries.Should().Contain(entry => entry.EventId == 9104 && entry.Message.EndsWith("error id " + errorId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_outside_the_gate_is_caught_by_the_pipeline_as_500_with_an_error_id()
    {
        var logs = new TestLogs();
        await using var app = ServeHost.Build(
            ServeRun.Options(azurite.ConnectionString, drain: false),
            addUseCases: (services, configuration) => services.AddComplianceStorage(configuration),
            configureServices: services =>
            {
                services.AddSingleton<ServeHandlers>(_ => throw new InvalidOperationException("secret at Some.Type.Method()"));
                services.AddSingleton<ILoggerProvider>(logs);
            });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/") };

        using var response = await http.GetAsync("api/health");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Json);
        body.Should().Contain("feil-id").And.NotContain("secret").And.NotContain("Some.Type");
        var errorId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("errorId").GetString()!;
        logs.Entries.Should().Contain(entry => entry.EventId == 9105 && entry.Message.EndsWith("error id " + errorId, StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_415_and_a_get_with_a_body_400()
    {
        var called = false;
        var handlers = ServeRun.Handlers() with { IngestRecords = (_, _, _, _) => { called = true; return Task.FromResult(new HttpAnswer(202, HttpAnswer.Json, "{}")); } };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var ingest = Client(serve, TestCallers.IngestA);
        using var leader = Client(serve, TestCallers.LeaderA);

        using var text = await ingest.PostAsync($"api/municipalities/{TestCallers.MunicipalityA}/records", new StringContent("{}", MediaTypeHeaderValue.Parse("text/plain")));
        using var getWithBody = await leader.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/municipalities/{TestCallers.MunicipalityA}/status") { Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")) });

        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await text.Content.ReadAsStringAsync()).Should().Be(ErrorAnswers.UnsupportedMediaType.Body);
        getWithBody.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await getWithBody.Content.ReadAsStringAsync()).Should().Be(ErrorAnswers.BodyNotAllowed.Body);
        called.Should().BeFalse();
    }

    private static HttpClient Client(ServeRun serve, TestKey key)
    {
        var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Add(AccessKeys.Header, key.Key);
        return http;
    }
}
