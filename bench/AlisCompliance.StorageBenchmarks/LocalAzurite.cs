using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// Azurite in memory on free ports (infra/local's pinned install, as the tests use it), stopped on dispose. The ports are
/// the ones Azurite reports in its "successfully listening" lines.
/// </summary>
internal sealed partial class LocalAzurite : IAsyncDisposable
{
    private readonly Process process;
    private readonly string workspace;

    private LocalAzurite(Process process, string workspace, string connectionString)
    {
        this.process = process;
        this.workspace = workspace;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The CPU time Azurite (one node process) has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<LocalAzurite> StartAsync(string repositoryRoot)
    {
        var tools = Path.Combine(repositoryRoot, "infra", "local");
        using (var install = Process.Start(new ProcessStartInfo("bash", Path.Combine(tools, "install.sh")) { WorkingDirectory = tools })!)
        {
            await install.WaitForExitAsync();
        }

        var folder = Directory.CreateTempSubdirectory("alis-azurite-bench-").FullName;
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var azurite = Process.Start(start)!;
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        azurite.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && Listening().Match(line.Data) is { Success: true } match)
            {
                lock (ports)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.ContainsKey("Queue") && ports.ContainsKey("Table"))
                    {
                        ready.TrySetResult();
                    }
                }
            }
        };
        azurite.ErrorDataReceived += (_, _) => { };
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var connection = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{ports["Table"]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/devstoreaccount1");
        return new LocalAzurite(azurite, folder, connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(workspace, recursive: true);
    }

    [GeneratedRegex(@"Azurite (?<service>Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Listening();
}
