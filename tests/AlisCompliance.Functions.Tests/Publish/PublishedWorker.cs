using System.Diagnostics;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Functions.Tests.Publish;

/// <summary>
/// The worker published as Azure runs it (<c>dotnet publish -c Release -r linux-x64</c>) into a temp folder, once for the
/// tests that share it: it takes a minute or two.
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(9);

    public string Folder { get; } = Directory.CreateTempSubdirectory("alis-worker-publish-").FullName;

    public string File(string name) => Path.Combine(Folder, name);

    public async Task InitializeAsync()
    {
        var publish = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in new[]
        {
            "publish", RepositoryRoot.Combine("functions", "AlisCompliance.Functions", "AlisCompliance.Functions.csproj"),
            "-c", "Release", "-r", "linux-x64", "-o", Folder, "--nologo", "-v", "q",
        })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedWorkerTests : ICollectionFixture<PublishedWorker>
{
    public const string Name = "Published worker";
}
