using System.Diagnostics;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>
/// Runs `alis` in a child process with the default stack size: a stack overflow there ends that process (exit code
/// 134), not the test run, and a compile that does not finish in time is killed and reported.
/// </summary>
internal static class AlisChildProcess
{
    /// <returns>The exit code, or null when the process was killed after <paramref name="timeout"/>; and what it wrote.</returns>
    public static async Task<(int? ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alis.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (null, await error + await output);
        }

        return (process.ExitCode, await error + await output);
    }
}
