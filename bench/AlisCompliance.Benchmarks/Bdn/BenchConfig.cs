using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AlisCompliance.Benchmarks.Bdn;

/// <summary>
/// A short in-process job: a few minutes for all benchmarks, and no generated project to build (which our
/// warnings-as-errors build settings and BenchmarkDotNet 0.14's .NET 10 support would both get in the way of).
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);

        // Reports go beside the program (bin/…), not into whatever folder the command was started from.
        ArtifactsPath = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }

    /// <summary>
    /// BenchmarkDotNet runs the benchmark thread at the highest priority. Where it may (as root on Linux) that thread
    /// then starves the PLINQ and Roslyn worker threads it waits for, which made Evaluate1000Alis look several times
    /// slower than the same pass in <c>bench</c> (dotnet/BenchmarkDotNet#5). The GlobalSetup runs on the benchmark
    /// thread, so calling this there puts it back on an equal footing with its workers.
    /// </summary>
    public static void RestoreNormalThreadPriority()
    {
        try
        {
            Thread.CurrentThread.Priority = ThreadPriority.Normal;
        }
        catch (ThreadStateException)
        {
            // A thread that cannot be reprioritised keeps what it has.
        }
    }
}
