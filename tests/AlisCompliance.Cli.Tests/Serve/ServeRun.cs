using System.Collections.Concurrent;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Serve;
using AlisCompliance.Storage;
using AlisCompliance.Tests.Shared;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Tests.Serve;

/// <summary>
/// serve as the command builds it (the real functions, bindings, queue listener, timers switch and routes), on the test's
/// Azurite, with the repository's host.json, short queue timings, and the use cases replaced through
/// <see cref="ServeHandlers"/> (the real ones need AddAlisCompliance, which the application project provides). The test
/// callers' keys are configured, Easy Auth is off.
/// </summary>
internal sealed class ServeRun : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServeRun(WebApplication app, TestLogs logs)
    {
        this.app = app;
        Logs = logs;
    }

    public TestLogs Logs { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IHostApplicationLifetime Lifetime => app.Lifetime;

    public static ServeHandlers Handlers() => new()
    {
        IngestRecords = (_, _, _, _) => Task.FromResult(new HttpAnswer(202, HttpAnswer.Json, "{}")),
        EvaluateAlis = (_, _) => Task.CompletedTask,
        DeliverAlert = (_, _) => Task.CompletedTask,
        NightlySweep = _ => Task.FromResult(0),
        WeeklyDigest = _ => Task.FromResult(0),
        ComplianceStatus = (_, _, _) => Task.FromResult(new HttpAnswer(200, HttpAnswer.Json, "{}")),
        ServiceHealth = _ => Task.FromResult(new HttpAnswer(200, HttpAnswer.Json, "{}")),
        AuditQuery = (_, _) => Task.FromResult(new HttpAnswer(200, HttpAnswer.Json, "{}")),
        PublishRules = (_, _, _, _) => Task.FromResult(new HttpAnswer(200, HttpAnswer.Json, "{}")),
    };

    public static ServeOptions Options(string connectionString, bool drain) => new()
    {
        Port = 0,
        ConnectionString = connectionString,
        Drain = drain,
        DrainQuietPeriod = TimeSpan.FromSeconds(1.5),
        Timers = false,
        HostJsonPath = RepositoryRoot.Combine("host.json"),
        LocalSettingsPath = null,
        Settings = new Dictionary<string, string?>(TestCallers.Settings(easyAuth: false), StringComparer.Ordinal)
        {
            // host.json's 30 s between tries would make a five-try test take two minutes.
            ["AzureWebJobs:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureWebJobs:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        },
    };

    public static async Task<ServeRun> StartAsync(ServeOptions options, ServeHandlers handlers)
    {
        var logs = new TestLogs();
        var built = ServeHost.Build(
            options,
            addUseCases: (services, configuration) => services.AddComplianceStorage(configuration), // for the gate's audit
            configureServices: services =>
            {
                services.AddSingleton(handlers);
                services.AddSingleton<ILoggerProvider>(logs);
            });
        var run = new ServeRun(built, logs);
        await built.StartAsync();
        var address = built.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        run.BaseAddress = new Uri(address + "/");
        return run;
    }

    /// <summary>Waits until serve stops by itself (--drain).</summary>
    public async Task WaitForDrainAsync(TimeSpan timeout)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await stopping.Task.WaitAsync(timeout);
        await app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Empties the function queues and their poison queues.</summary>
    public static async Task ClearQueuesAsync(string connectionString)
    {
        var service = StorageQueues.Connect(connectionString);
        foreach (var name in ServeBindings.Queues.SelectMany(q => new[] { q, StorageQueues.PoisonQueueName(q) }))
        {
            var queue = service.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    public static QueueClient Queue(string connectionString, string name) => StorageQueues.Connect(connectionString).GetQueueClient(name);

    /// <summary>A client that sends and reads message text as it is, without Base64.</summary>
    public static QueueClient RawQueue(string connectionString, string name) =>
        StorageQueues.Connect(connectionString, QueueMessageEncoding.None).GetQueueClient(name);
}

/// <summary>Collects log entries (category, event id, message) so a test can assert on the operational log.</summary>
internal sealed class TestLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, int EventId, string Message)> entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, int EventId, string Message)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, int, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, eventId.Id, formatter(state, exception)));
    }
}
