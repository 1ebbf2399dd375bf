using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>serve's rules/publish route over real HTTP, on the real use case: dry run, refusal, size and content-type limits.</summary>
[Collection(WebJobsAzurite.Name)]
public sealed class ServePublishRulesTests(WebJobsAzuriteFixture azurite)
{
    [Fact]
    public async Task The_route_answers_a_dry_run_200_a_broken_bundle_400_an_oversized_body_413_and_text_415()
    {
        var options = ServeRun.Options(azurite.ConnectionString, drain: false) with
        {
            Settings = new Dictionary<string, string?>(ServeRun.Options(azurite.ConnectionString, drain: false).Settings, StringComparer.Ordinal)
            {
                ["AlisCompliance:RulesPath"] = RepositoryRoot.Combine("rules"),
            },
        };
        var prefix = "s" + Guid.NewGuid().ToString("N")[..12];
        var app = ServeHost.Build(options, configureServices: services =>
        {
            services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)));
            services.AddSingleton(StorageNames.WithPrefix(prefix));
        });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
            using var asLeader = new HttpRequestMessage(HttpMethod.Post, "api/rules/publish") { Content = Json(PublishRulesBody.Json("2026-11-23", dryRun: false, PublishRulesBody.MoveTransitionDeadline)) };
            asLeader.Headers.Add(AccessKeys.Header, TestCallers.LeaderA.Key);
            using var leader = await http.SendAsync(asLeader);
            http.DefaultRequestHeaders.Add(AccessKeys.Header, TestCallers.Kontor.Key);

            using var dryRun = await http.PostAsync("api/rules/publish", Json(PublishRulesBody.Json("2026-11-23", dryRun: true, PublishRulesBody.MoveTransitionDeadline)));
            using var broken = await http.PostAsync("api/rules/publish", Json(PublishRulesBody.Json("2026-11-23", dryRun: false, PublishRulesBody.BreakSyntax)));
            using var oversized = await http.PostAsync("api/rules/publish", Json(new string(' ', PublishRules.MaxBodyBytes + 1)));
            using var text = await http.PostAsync("api/rules/publish", new StringContent("{}"));

            dryRun.StatusCode.Should().Be(HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
            dryRun.Content.Headers.ContentType!.ToString().Should().Be(HttpAnswer.Json);
            var impact = JsonDocument.Parse(await dryRun.Content.ReadAsStringAsync()).RootElement;
            impact.GetProperty("outcome").GetString().Should().Be("dryRun");
            impact.GetProperty("toVersion").GetString().Should().NotBe(impact.GetProperty("fromVersion").GetString());
            broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await broken.Content.ReadAsStringAsync()).Should().Contain("\"rule\":\"DL-TRANSITION-2026/DL-TRANSITION-2026-PASSED\"");
            oversized.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
            (await oversized.Content.ReadAsStringAsync()).Should().Contain("4 MiB");
            text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
            leader.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the ALIS-kontor publishes rules");
            (await app.Services.GetRequiredService<RuleSetRepository>().ListAsync()).Should().BeEmpty();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static StringContent Json(string body)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
