using System.Net;
using System.Net.Http.Headers;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>serve's HTTP functions on Kestrel: routes under /api/, the use case's answer copied as it is, the body limit.</summary>
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
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        using var response = await http.PostAsync("api/municipalities/k1/records", new StringContent("""{"records":[]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Json);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"problems":["x"]}""");
        call.Should().Be(("k1", """{"records":[]}""", "local"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_without_calling_the_use_case()
    {
        var called = false;
        var handlers = ServeRun.Handlers() with { IngestRecords = (_, _, _, _) => { called = true; return Task.FromResult(new HttpAnswer(202, HttpAnswer.Json, "{}")); } };
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), handlers);
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        using var body = new ByteArrayContent(new byte[BoundedBody.MaxIngestBytes + 1]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await http.PostAsync("api/municipalities/k1/records", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("16 MiB");
        called.Should().BeFalse();
    }

    [Theory]
    [InlineData("api/municipalities/k7/status?format=html", "html")]
    [InlineData("api/municipalities/k7/status", null)]
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
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        using var response = await http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Html);
        (await response.Content.ReadAsStringAsync()).Should().Be("<h1>k7</h1>");
        format.Should().Be(expectedFormat);
    }

    [Fact]
    public async Task Only_the_bound_methods_and_routes_answer()
    {
        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: false), ServeRun.Handlers());
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        using var wrongMethod = await http.GetAsync("api/municipalities/k1/records");
        using var noPrefix = await http.GetAsync("municipalities/k1/status");

        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        noPrefix.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
