using System.Text;
using System.Text.Json;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using AlisCompliance.Functions.Functions;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AlisCompliance.Functions.Tests.Invocation;

/// <summary>
/// Each function class called directly with the payload the Functions host would bind (an HTTP request, a queue
/// message's text with its dequeue count, a timer tick), on the worker's real services and Azurite.
/// </summary>
[Collection(AzuriteFunctions.Name)]
public sealed class FunctionInvocationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestRecords_takes_the_municipality_s_file_and_queues_its_ALIS()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);

        var result = await worker.Get<IngestRecordsFunction>().RunAsync(Post(await SampleAsync()), "3417", CancellationToken.None);

        var content = result.Should().BeOfType<ContentResult>().Subject;
        content.StatusCode.Should().Be(StatusCodes.Status202Accepted);
        JsonDocument.Parse(content.Content!).RootElement.GetProperty("queued").GetInt32().Should().Be(10);
        (await worker.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().HaveCount(10);
    }

    [Fact]
    public async Task IngestRecords_refuses_another_municipality_s_route_and_writes_nothing()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);

        var result = await worker.Get<IngestRecordsFunction>().RunAsync(Post(await SampleAsync()), "0301", CancellationToken.None);

        var content = result.Should().BeOfType<ContentResult>().Subject;
        content.StatusCode.Should().Be(StatusCodes.Status403Forbidden);
        content.Content.Should().Be(ErrorAnswers.Forbidden.Body);
        (await worker.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
    }

    [Fact]
    public async Task IngestRecords_refuses_another_municipality_s_file_on_its_own_route_and_writes_nothing()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);

        var result = await worker.Get<IngestRecordsFunction>().RunAsync(Post(Access.TenantIsolation.RecordsFile(TestCallers.MunicipalityB)), TestCallers.MunicipalityA, CancellationToken.None);

        var content = result.Should().BeOfType<ContentResult>().Subject;
        content.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        content.Content.Should().Contain("municipality.id").And.Contain($"kommune {TestCallers.MunicipalityB}");
        (await worker.Storage.AlisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
        (await Access.TenantIsolation.StorageFingerprintAsync(worker.Storage)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_queue_and_timer_functions_carry_an_ingest_through_to_the_leader_s_inbox_and_the_status_page()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);
        await worker.Get<IngestRecordsFunction>().RunAsync(Post(await SampleAsync()), "3417", CancellationToken.None);
        (await worker.Storage.AlisChanged.ReceiveMessagesAsync(32)).Value.Should().HaveCount(10, "the ingest's own messages are taken off; the sweep sends them again");

        await worker.Get<NightlySweepFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var evaluate = worker.Get<EvaluateAlisFunction>();
        foreach (var message in (await worker.Storage.AlisChanged.ReceiveMessagesAsync(32)).Value)
        {
            await evaluate.RunAsync(message.MessageText, new TestFunctionContext(FunctionBindings.EvaluateAlis, message.DequeueCount, worker.Services), CancellationToken.None);
        }

        var deliver = worker.Get<DeliverAlertFunction>();
        var alerts = (await worker.Storage.LeaderAlerts.ReceiveMessagesAsync(32)).Value;
        foreach (var message in alerts)
        {
            await deliver.RunAsync(message.MessageText, new TestFunctionContext(FunctionBindings.DeliverAlert, message.DequeueCount, worker.Services), CancellationToken.None);
        }

        alerts.Should().HaveCount(13, "the sample has 13 open findings on 23.11.2026 (README)");
        worker.Mail.Sent.Should().HaveCount(13);

        worker.Clock.Reset(Instant.FromUtc(2026, 11, 30, 6, 5)); // Monday 07:05 in Oslo
        await worker.Get<WeeklyDigestFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        worker.Mail.Sent.Should().HaveCount(15, "one digest to each of Åsnes' two leaders");

        var status = await worker.Get<ComplianceStatusFunction>().RunAsync(Get("format=html"), "3417", CancellationToken.None);
        var page = status.Should().BeOfType<ContentResult>().Subject;
        page.StatusCode.Should().Be(StatusCodes.Status200OK);
        page.ContentType.Should().StartWith("text/html");
        page.Content.Should().Contain("alis-02").And.Contain("Brudd");
    }

    [Fact]
    public async Task A_queue_message_that_is_not_one_throws_so_the_host_retries_and_poisons_it()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);

        var run = () => worker.Get<EvaluateAlisFunction>().RunAsync("{}", new TestFunctionContext(FunctionBindings.EvaluateAlis, 1, worker.Services), CancellationToken.None);

        await run.Should().ThrowAsync<Application.Queues.UnreadableMessageException>();
    }

    [Fact]
    public async Task ComplianceStatus_answers_404_for_a_municipality_in_scope_with_no_records()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);

        var status = await worker.Get<ComplianceStatusFunction>().RunAsync(Get(string.Empty), TestCallers.MunicipalityA, CancellationToken.None);

        status.Should().BeOfType<ContentResult>().Which.StatusCode.Should().Be(StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task PublishRules_answers_a_dry_run_with_the_impact_and_a_broken_bundle_with_its_errors()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString);
        await worker.Get<IngestRecordsFunction>().RunAsync(Post(await SampleAsync()), "3417", CancellationToken.None);
        var publish = worker.Get<PublishRulesFunction>();

        var dryRun = await publish.RunAsync(Post(PublishRulesBody.Json("2026-11-23", dryRun: true, PublishRulesBody.MoveTransitionDeadline), TestCallers.Kontor), CancellationToken.None);
        var broken = await publish.RunAsync(Post(PublishRulesBody.Json("2026-11-23", dryRun: false, PublishRulesBody.BreakSyntax), TestCallers.Kontor), CancellationToken.None);
        var oversized = await publish.RunAsync(Post(new string(' ', PublishRules.MaxBodyBytes + 1), TestCallers.Kontor), CancellationToken.None);

        var impact = dryRun.Should().BeOfType<ContentResult>().Subject;
        impact.StatusCode.Should().Be(StatusCodes.Status200OK, impact.Content);
        var root = JsonDocument.Parse(impact.Content!).RootElement;
        root.GetProperty("municipalities")[0].GetProperty("alis")[0].GetProperty("alisId").GetString().Should().Be("alis-04");
        var refused = broken.Should().BeOfType<ContentResult>().Subject;
        refused.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        refused.Content.Should().Contain("workflows/deadlines.json").And.Contain("DL-TRANSITION-2026-PASSED");
        oversized.Should().BeOfType<ContentResult>().Which.StatusCode.Should().Be(StatusCodes.Status413PayloadTooLarge);
        (await worker.Services.GetRequiredService<RuleSetRepository>().ListAsync()).Should().BeEmpty();
    }

    private static Task<string> SampleAsync() => File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "asnes", "asnes.json"));

    private static HttpRequest Post(string json, TestKey? caller = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var context = new DefaultHttpContext();
        context.Request.Headers[AccessKeys.Header] = (caller ?? TestCallers.IngestA).Key;
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

    private static HttpRequest Get(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[AccessKeys.Header] = TestCallers.LeaderA.Key;
        context.Request.Method = HttpMethods.Get;
        context.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
        return context.Request;
    }
}
