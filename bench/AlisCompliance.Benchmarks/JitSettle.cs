using System.Diagnostics;
using System.Runtime;

namespace AlisCompliance.Benchmarks;

/// <summary>
/// After the first rule-set compile the runtime goes on re-compiling Roslyn's hot methods at tier 1 on a background
/// thread, for seconds on a small machine. Timed runs that overlap with it measure the JIT, not the rules: on two
/// cores 1000 ALIS took 440 ms instead of 55 ms. This waits until the JIT has been quiet for a while.
/// </summary>
internal static class JitSettle
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <returns>How long it waited and how much JIT time passed meanwhile.</returns>
    public static (TimeSpan Waited, TimeSpan JitTime) Wait()
    {
        var stopwatch = Stopwatch.StartNew();
        var start = JitInfo.GetCompilationTime();
        var quietFor = TimeSpan.Zero;
        while (quietFor < Quiet && stopwatch.Elapsed < Limit)
        {
            var before = JitInfo.GetCompilationTime();
            Thread.Sleep(Step);
            quietFor = JitInfo.GetCompilationTime() - before < TimeSpan.FromMilliseconds(1) ? quietFor + Step : TimeSpan.Zero;
        }

        return (stopwatch.Elapsed, JitInfo.GetCompilationTime() - start);
    }
}
