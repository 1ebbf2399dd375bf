using System.Net.Http.Headers;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Cli.Tests.Serve;
using AlisCompliance.Functions.Tests.Access;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Cli.Tests.Access;

/// <summary>
/// Tenant isolation in serve, over real HTTP: every route of <see cref="ServeBindings"/> (the Kestrel endpoints, kept equal
/// to it by ServeBindingsTests and to functions.metadata by the publish tests) refuses every wrong caller and writes
/// nothing, and lets the right one through; the real use cases on Azurite, tables and queues of their own.
/// </summary>
[Collection(WebJobsAzurite.Name)]
public sealed class ServeTenantIsolationTests(WebJobsAzuriteFixture azurite)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private static IReadOnlyList<HttpFunction> Routes { get; } =
        [.. ServeBindings.All.Where(binding => binding.Trigger == ServeTrigger.Http).Select(binding => new HttpFunction(binding.FunctionName, binding.Method!, binding.Route!))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_route_refuses_every_wrong_caller_and_writes_nothing(bool easyAuth)
    {
        await using var serve = await StartAsync(easyAuth);
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        var isolation = new TenantIsolation(request => SendAsync(http, request), easyAuth);
        await isolation.IngestBothMunicipalitiesAsync(Routes);
        var before = await TenantIsolation.StorageFingerprintAsync(serve.Storage);

        await isolation.RefuseEverythingWrongAsync(Routes);
        await isolation.RefuseAnotherMunicipalitysFileAsync(Routes);

        isolation.Failures.Should().BeEmpty();
        (await TenantIsolation.StorageFingerprintAsync(serve.Storage)).Should().Be(before, "no refused request may write anything");
    }

    [Fact]
    public async Task The_right_caller_reaches_every_route_and_reads_outside_its_municipality_are_audited()
    {
        await using var serve = await StartAsync(easyAuth: true);
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        var succeeded = await SuccessfulCalls.RunAsync(request => SendAsync(http, request), Routes, Now);

        succeeded.Should().BeEquivalentTo(Routes.Select(route => route.Name));
    }

    private static async Task<FunctionResponse> SendAsync(HttpClient http, FunctionRequest request)
    {
        var path = $"{FunctionBindings.RoutePrefix}/{request.Function.Route.Replace("{municipalityId}", Uri.EscapeDataString(request.MunicipalityId ?? string.Empty), StringComparison.Ordinal)}";
        using var message = new HttpRequestMessage(new HttpMethod(request.Function.Method), path + (request.Query is null ? string.Empty : "?" + request.Query));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, MediaTypeHeaderValue.Parse("application/json"));
        }

        using var response = await http.SendAsync(message);
        return new FunctionResponse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<RunningServe> StartAsync(bool easyAuth)
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..12];
        var defaults = ServeRun.Options(azurite.ConnectionString, drain: false);
        var options = defaults with
        {
            Settings = new Dictionary<string, string?>(defaults.Settings, StringComparer.Ordinal)
            {
                ["AlisCompliance:Access:EasyAuth"] = easyAuth ? "true" : "false",
                ["AlisCompliance:RulesPath"] = RepositoryRoot.Combine("rules"),
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:FromAddress"] = "alis-kontroll@asnes.kommune.no",
            },
        };
        var app = ServeHost.Build(
            options,
            addUseCases: (services, configuration) =>
            {
                services.AddSingleton(StorageNames.WithPrefix(prefix));
                services.AddAlisCompliance(configuration);
            },
            configureServices: services => services.AddSingleton<IClock>(new FakeClock(Now)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningServe(app, new Uri(address + "/"));
    }

    private sealed record RunningServe(WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public ComplianceStorage Storage => App.Services.GetRequiredService<ComplianceStorage>();

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
