using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AlisCompliance.Tests.Shared;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>
/// Starts this collection's own Azurite (infra/local/node_modules, installed by infra/local/install.sh when missing) on
/// 127.0.0.1, in memory, telemetry off, and kills its process tree when the collection is done.
/// Azurite is given port 0 for every service, so the operating system binds free ports itself (no race between
/// choosing a port and Azurite binding it); the fixture reads the ports Azurite reports and waits until it answers.
/// </summary>
public partial class AzuriteFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<(int Queue, int Table)> ports = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int? queuePort;
    private int? tablePort;
    private Process? azurite;
    private string? workspace;

    /// <summary>The emulator's well-known account (public, in Azurite's documentation).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known key (public, in Azurite's documentation).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The explicit connection string of this Azurite (well-known emulator account, its ports).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Options with quick retries, so a test never waits on the SDK's 0.8 s default back-off.</summary>
    public static StorageClientOptions FastRetryOptions() => new StorageClientOptions().ConfigureRetry(retry =>
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(20);
        retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    });

    public TableServiceClient CreateTableServiceClient(StorageClientOptions? options = null) => new(ConnectionString, (options ?? FastRetryOptions()).Tables);

    public QueueServiceClient CreateQueueServiceClient(StorageClientOptions? options = null) => new(ConnectionString, (options ?? FastRetryOptions()).Queues);

    /// <summary>A client for a new, unique, not yet created table.</summary>
    public TableClient CreateTableClient(string purpose) => CreateTableServiceClient().GetTableClient(UniqueNames.Table(purpose));

    /// <summary>A client for a new, unique, not yet created queue.</summary>
    public QueueClient CreateQueueClient(string purpose, StorageClientOptions? options = null) =>
        CreateQueueServiceClient(options).GetQueueClient(UniqueNames.Queue(purpose));

    public async Task InitializeAsync()
    {
        var localTools = Path.Combine(RepositoryRoot.Path, "infra", "local");
        await EnsureInstalledAsync(localTools);

        workspace = Directory.CreateTempSubdirectory("alis-azurite-test-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace, // --location may not be combined with --inMemoryPersistence; cwd is Azurite's default location
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(localTools, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--inMemoryPersistence", "--disableTelemetry", "--silent",
            "--skipApiVersionCheck", // the WebJobs queue extension sends a newer x-ms-version than Azurite 3.35 knows
        })
        {
            start.ArgumentList.Add(argument);
        }

        azurite = new Process { StartInfo = start, EnableRaisingEvents = true };
        azurite.OutputDataReceived += (_, line) => OnOutput(line.Data);
        azurite.ErrorDataReceived += (_, line) => OnOutput(line.Data);
        azurite.Exited += (_, _) => ports.TrySetException(new InvalidOperationException("Azurite exited while starting.\n" + RecentOutput()));
        if (!azurite.Start())
        {
            throw new InvalidOperationException("Could not start node for Azurite.");
        }

        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();

        var (queue, table) = await ports.Task.WaitAsync(StartTimeout);
        var tableEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{table}/devstoreaccount1"));
        var queueEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{queue}/devstoreaccount1"));
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"TableEndpoint={tableEndpoint};QueueEndpoint={queueEndpoint}";
        await WaitUntilAnsweringAsync(tableEndpoint, queueEndpoint);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            try
            {
                if (!azurite.HasExited)
                {
                    azurite.Kill(entireProcessTree: true);
                    await azurite.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            finally
            {
                azurite.Dispose();
                azurite = null;
            }
        }

        if (workspace is not null && Directory.Exists(workspace))
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>Kills Azurite if <see cref="DisposeAsync"/> did not already (safe to call twice).</summary>
    public void Dispose()
    {
        try
        {
            if (azurite is { HasExited: false })
            {
                azurite.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone or disposed.
        }

        GC.SuppressFinalize(this);
    }

    private static async Task EnsureInstalledAsync(string localTools)
    {
        // install.sh is idempotent and quick when node_modules matches package-lock.json; it takes a lock, so
        // collections starting at once do not run npm ci twice.
        var install = new ProcessStartInfo("bash")
        {
            WorkingDirectory = localTools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        install.ArgumentList.Add(Path.Combine(localTools, "install.sh"));
        using var process = Process.Start(install) ?? throw new InvalidOperationException("Could not run infra/local/install.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(InstallTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/local/install.sh failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static async Task WaitUntilAnsweringAsync(Uri tableEndpoint, Uri queueEndpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        foreach (var endpoint in new[] { tableEndpoint, queueEndpoint })
        {
            while (true)
            {
                try
                {
                    // Any HTTP answer (an unsigned request gets 403) means the service is up.
                    using var response = await http.GetAsync(endpoint);
                    break;
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50)
        {
            output.TryDequeue(out _);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            switch (match.Groups["service"].Value)
            {
                case "Queue":
                    queuePort = port;
                    break;
                case "Table":
                    tablePort = port;
                    break;
            }

            if (queuePort is { } queue && tablePort is { } table)
            {
                ports.TrySetResult((queue, table));
            }
        }
    }

    private string RecentOutput() => string.Join('\n', output);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListeningLine();
}
