using System.Text.Json;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Functions.Tests.Functions;

/// <summary>The queue functions' operational log when the host is about to poison a message.</summary>
public sealed class QueueAttemptTests
{
    private const string Message = """{"municipalityId":"k1","alisId":"alis-7","batchId":"b1","leaderEmail":"never@logged.example"}""";

    [Fact]
    public async Task The_last_failed_try_logs_the_function_and_the_ids_and_rethrows()
    {
        var logger = new ListLogger();

        var run = () => QueueAttempt.RunAsync("EvaluateAlis", "alis-changed", Message, 5, QueueAttempt.MaxDequeueCount, logger, () => throw new InvalidOperationException("boom"));

        await run.Should().ThrowAsync<InvalidOperationException>();
        logger.Entries.Should().ContainSingle().Which.Should().Be((LogLevel.Error,
            "EvaluateAlis gave up on ALIS alis-7 (municipality k1) after 5 tries; the message goes to alis-changed-poison."));
    }

    [Fact]
    public async Task Earlier_failed_tries_are_left_to_the_host()
    {
        var logger = new ListLogger();

        var run = () => QueueAttempt.RunAsync("DeliverAlert", "leader-alerts", Message, 4, QueueAttempt.MaxDequeueCount, logger, () => throw new InvalidOperationException("boom"));

        await run.Should().ThrowAsync<InvalidOperationException>();
        logger.Entries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(Message, "k1", "alis-7")]
    [InlineData("""{"alisId":"a"}""", "?", "a")]
    [InlineData("""{"municipalityId":3,"alisId":null}""", "?", "?")]
    [InlineData("[1,2]", "?", "?")]
    [InlineData("not json", "?", "?")]
    [InlineData("", "?", "?")]
    public void Ids_are_read_from_the_message_and_nothing_else(string message, string municipalityId, string alisId)
    {
        QueueMessageIds.Parse(message).Should().Be(new QueueMessageIds(municipalityId, alisId));
    }

    [Fact]
    public void The_last_try_is_host_jsons_max_dequeue_count()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));

        hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32().Should().Be(QueueAttempt.MaxDequeueCount);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel, string)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
