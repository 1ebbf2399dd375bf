using System.Collections.Concurrent;
using System.Diagnostics;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>The WebJobs queue mechanics as serve runs them on Azurite: tries, poison queue, the operational log, drain.</summary>
[Collection(WebJobsAzurite.Name)]
public sealed class ServeQueueTests(WebJobsAzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_message_that_keeps_failing_is_tried_five_times_then_poisoned_while_others_flow()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var tries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var handlers = ServeRun.Handlers() with
        {
            EvaluateAlis = (message, _) =>
            {
                var ids = QueueMessageIds.Parse(message);
                tries.AddOrUpdate(ids.AlisId, 1, (_, count) => count + 1);
                return ids.AlisId == "alis-broken" ? throw new InvalidOperationException("the rule set is broken") : Task.CompletedTask;
            },
        };
        var alisChanged = ServeRun.Queue(azurite.ConnectionString, FunctionBindings.AlisChangedQueue);
        await alisChanged.SendMessageAsync(Message("k1", "alis-broken"));
        foreach (var alis in new[] { "alis-1", "alis-2", "alis-3" })
        {
            await alisChanged.SendMessageAsync(Message("k1", alis));
        }

        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: true), handlers);
        await serve.WaitForDrainAsync(Patience);

        tries.Should().Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["alis-broken"] = 5, ["alis-1"] = 1, ["alis-2"] = 1, ["alis-3"] = 1 });
        var poisoned = (await ServeRun.Queue(azurite.ConnectionString, "alis-changed-poison").PeekMessagesAsync(32)).Value;
        poisoned.Should().ContainSingle().Which.Body.ToString().Should().Be(Message("k1", "alis-broken"));
        (await alisChanged.PeekMessagesAsync(32)).Value.Should().BeEmpty();
        serve.Logs.Entries.Should().ContainSingle(e => e.EventId == 9001).Which.Should().Match<(string Category, LogLevel Level, int EventId, string Message)>(e =>
            e.Level == LogLevel.Error
            && e.Message == "EvaluateAlis gave up on ALIS alis-broken (municipality k1) after 5 tries; the message goes to alis-changed-poison.");
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_poison_without_a_call()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var calls = 0;
        var handlers = ServeRun.Handlers() with { DeliverAlert = (_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; } };
        await ServeRun.RawQueue(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue).SendMessageAsync("{not base64}");
        await ServeRun.Queue(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue).SendMessageAsync(Message("k2", "alis-9"));

        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: true), handlers);
        await serve.WaitForDrainAsync(Patience);

        calls.Should().Be(1);
        (await ServeRun.RawQueue(azurite.ConnectionString, "leader-alerts-poison").PeekMessagesAsync(32)).Value
            .Should().ContainSingle().Which.MessageText.Should().Be("{not base64}");
    }

    [Fact]
    public async Task Drain_stops_serve_soon_after_the_queues_are_empty()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var options = ServeRun.Options(azurite.ConnectionString, drain: true);
        var clock = Stopwatch.StartNew();
        await using var serve = await ServeRun.StartAsync(options, ServeRun.Handlers());
        await serve.WaitForDrainAsync(Patience);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(options.DrainQuietPeriod).And.BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Drain_waits_for_messages_in_flight_and_for_the_alerts_they_enqueue()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var delivered = new ConcurrentBag<string>();
        var leaderAlerts = ServeRun.Queue(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue);
        var handlers = ServeRun.Handlers() with
        {
            EvaluateAlis = async (message, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2.5), ct); // longer than the drain's quiet period
                await leaderAlerts.SendMessageAsync(message, ct);
            },
            DeliverAlert = (message, _) =>
            {
                delivered.Add(QueueMessageIds.Parse(message).AlisId);
                return Task.CompletedTask;
            },
        };
        await ServeRun.Queue(azurite.ConnectionString, FunctionBindings.AlisChangedQueue).SendMessageAsync(Message("k3", "alis-slow"));

        await using var serve = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: true), handlers);
        await serve.WaitForDrainAsync(Patience);

        delivered.Should().Equal("alis-slow");
    }

    [Fact]
    public async Task With_timers_the_webjobs_host_indexes_all_four_triggered_functions()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var options = ServeRun.Options(azurite.ConnectionString, drain: true) with { Timers = true };

        await using var serve = await ServeRun.StartAsync(options, ServeRun.Handlers());
        await serve.WaitForDrainAsync(Patience);

        var found = serve.Logs.Entries.Where(e => e.Message.StartsWith("Found the following functions", StringComparison.Ordinal)).Should().ContainSingle().Subject.Message;
        foreach (var method in new[] { "EvaluateAlisAsync", "DeliverAlertAsync", "NightlySweepAsync", "WeeklyDigestAsync" })
        {
            found.Should().Contain(method);
        }

        serve.Logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
    }

    internal static string Message(string municipalityId, string alisId) =>
        $$"""{"municipalityId":"{{municipalityId}}","alisId":"{{alisId}}","batchId":"b1"}""";
}
