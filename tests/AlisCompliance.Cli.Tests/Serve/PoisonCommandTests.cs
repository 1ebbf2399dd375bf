using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Tests.Commands;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>`alis poison list` and `alis poison retry` on Azurite, and a retried message running again under serve.</summary>
[Collection(WebJobsAzurite.Name)]
public sealed class PoisonCommandTests(WebJobsAzuriteFixture azurite)
{
    [Fact]
    public async Task List_shows_id_time_tries_and_the_ids_in_each_poison_message()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var sent = await ServeRun.Queue(azurite.ConnectionString, "alis-changed-poison").SendMessageAsync(ServeQueueTests.Message("k1", "alis-7"));

        var run = await CliRun.RunAsync("poison", "list", "--connection-string", azurite.ConnectionString);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("alis-changed-poison: 1 melding(er).")
            .And.Contain("leader-alerts-poison: tom.")
            .And.MatchRegex($@"{sent.Value.MessageId}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\s+0\s+k1\s+alis-7");
        run.Output.Should().NotContain("batchId");
    }

    [Fact]
    public async Task A_message_that_is_not_base64_is_listed_and_retried_as_it_is()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var raw = (await ServeRun.RawQueue(azurite.ConnectionString, "leader-alerts-poison").SendMessageAsync("{not base64}")).Value.MessageId;

        var list = await CliRun.RunAsync("poison", "list", "--queue", "leader-alerts", "--connection-string", azurite.ConnectionString);
        var retry = await CliRun.RunAsync("poison", "retry", "--id", raw, "--connection-string", azurite.ConnectionString);

        list.ExitCode.Should().Be(0, list.Error);
        list.Output.Should().MatchRegex($@"{raw}\s+\S+ \S+\s+0\s+\?\s+\?");
        retry.ExitCode.Should().Be(0, retry.Error);
        (await ServeRun.RawQueue(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue).PeekMessagesAsync(32)).Value
            .Should().ContainSingle().Which.MessageText.Should().Be("{not base64}");
    }

    [Fact]
    public async Task List_of_one_queue_shows_only_that_queue()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);

        var run = await CliRun.RunAsync("poison", "list", "--queue", "leader-alerts", "--connection-string", azurite.ConnectionString);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Be("leader-alerts-poison: tom." + Environment.NewLine);
    }

    [Fact]
    public async Task Retry_by_id_moves_that_message_back_and_leaves_the_others()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var poison = ServeRun.Queue(azurite.ConnectionString, "alis-changed-poison");
        var chosen = (await poison.SendMessageAsync(ServeQueueTests.Message("k1", "alis-1"))).Value.MessageId;
        await poison.SendMessageAsync(ServeQueueTests.Message("k1", "alis-2"));

        var run = await CliRun.RunAsync("poison", "retry", "--id", chosen, "--connection-string", azurite.ConnectionString);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Flyttet 1 melding(er) fra alis-changed-poison tilbake til alis-changed.");
        var requeued = (await ServeRun.Queue(azurite.ConnectionString, FunctionBindings.AlisChangedQueue).PeekMessagesAsync(32)).Value;
        requeued.Select(m => m.Body.ToString()).Should().Equal(ServeQueueTests.Message("k1", "alis-1"));
        var left = (await poison.PeekMessagesAsync(32)).Value; // visible again at once, not hidden by the search
        left.Select(m => m.Body.ToString()).Should().Equal(ServeQueueTests.Message("k1", "alis-2"));
    }

    [Fact]
    public async Task Retry_of_an_unknown_id_fails_and_changes_nothing()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        await ServeRun.Queue(azurite.ConnectionString, "leader-alerts-poison").SendMessageAsync(ServeQueueTests.Message("k1", "alis-1"));

        var run = await CliRun.RunAsync("poison", "retry", "--id", "no-such-id", "--connection-string", azurite.ConnectionString);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("Fant ingen melding med id no-such-id");
        (await ServeRun.Queue(azurite.ConnectionString, "leader-alerts-poison").PeekMessagesAsync(32)).Value.Should().ContainSingle();
    }

    [Theory]
    [InlineData]
    [InlineData("--all", "--id", "x")]
    public async Task Retry_needs_exactly_one_of_all_and_id(params string[] choice)
    {
        var run = await CliRun.RunAsync(["poison", "retry", .. choice, "--connection-string", azurite.ConnectionString]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("Velg enten --all eller --id");
    }

    [Fact]
    public async Task A_poisoned_message_retried_with_all_runs_again_under_serve()
    {
        await ServeRun.ClearQueuesAsync(azurite.ConnectionString);
        var broken = true;
        var succeeded = new List<string>();
        var handlers = ServeRun.Handlers() with
        {
            DeliverAlert = (message, _) =>
            {
                if (Volatile.Read(ref broken))
                {
                    throw new InvalidOperationException("SMTP is down");
                }

                lock (succeeded)
                {
                    succeeded.Add(message);
                }

                return Task.CompletedTask;
            },
        };
        await ServeRun.Queue(azurite.ConnectionString, FunctionBindings.LeaderAlertsQueue).SendMessageAsync(ServeQueueTests.Message("k4", "alis-4"));
        await using (var first = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: true), handlers))
        {
            await first.WaitForDrainAsync(TimeSpan.FromSeconds(90));
        }

        Volatile.Write(ref broken, false);
        var retry = await CliRun.RunAsync("poison", "retry", "--all", "--queue", "leader-alerts", "--connection-string", azurite.ConnectionString);
        retry.ExitCode.Should().Be(0, retry.Error);
        retry.Output.Should().Contain("Flyttet 1 melding(er) fra leader-alerts-poison tilbake til leader-alerts.").And.Contain("k4").And.Contain("alis-4");

        await using (var second = await ServeRun.StartAsync(ServeRun.Options(azurite.ConnectionString, drain: true), handlers))
        {
            await second.WaitForDrainAsync(TimeSpan.FromSeconds(90));
        }

        succeeded.Should().Equal(ServeQueueTests.Message("k4", "alis-4"));
        (await ServeRun.Queue(azurite.ConnectionString, "leader-alerts-poison").PeekMessagesAsync(32)).Value.Should().BeEmpty();
    }
}
