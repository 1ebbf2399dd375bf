using System.Diagnostics;
using System.Globalization;
using System.Reflection.PortableExecutable;
using AlisCompliance.Benchmarks.Data;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Benchmarks;

/// <summary>
/// The plain-text benchmark: rule-set compilation cold and warm, then facts and full evaluation of N synthetic ALIS,
/// judged against the targets (10 000 ALIS in under 1 s; the whole rule set compiled in under 2 s cold).
/// </summary>
internal static class BenchCommand
{
    private const int TimedRuns = 5;
    private const int MaxWarmups = 5;
    private static readonly TimeSpan EvaluationTarget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CompileTarget = TimeSpan.FromSeconds(2);
    private const int TargetAlis = 10_000;

    public static int Run(BenchArguments arguments)
    {
        var repository = RepositoryFiles.Locate();
        var sources = repository.ReadRuleSources();
        var catalog = repository.ReadCatalog();
        var arenaTable = repository.ReadArenaTable();
        var asOf = GeneratorOptions.DefaultAsOf;

        Line($"AlisCompliance benchmark");
        Line($"  build:           {BuildConfiguration}{(IsDebug ? "  (numbers are meaningless: run with -c Release)" : string.Empty)}");
        Line($"  runtime:         .NET {Environment.Version}, {Environment.ProcessorCount} logical cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        Line($"  Roslyn code:     {RoslynCode()}");
        Line($"  repository:      {repository.Root}");
        Line($"  as of:           {asOf:yyyy-MM-dd}");
        Line($"  load average:    {LoadAverage()}  (other processes on the machine skew wall-clock times; CPU times are steadier)");
        Line($"");

        // 1. Compilation. The first compile in the process pays for loading and JIT-compiling Roslyn.
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var cold = ComplianceRuleSet.Compile(sources);
        var coldTime = stopwatch.Elapsed;
        var coldCpu = Environment.CpuUsage.TotalTime - cpu;
        cpu = Environment.CpuUsage.TotalTime;
        stopwatch.Restart();
        var rules = ComplianceRuleSet.Compile(sources);
        var warmTime = stopwatch.Elapsed;
        var warmCpu = Environment.CpuUsage.TotalTime - cpu;
        cold.Dispose();
        Line($"Rule set: {sources.Count} workflow files, {rules.RuleCount} top-level rules, version {rules.Version}");
        Line($"  compile cold (first in process):      {Ms(coldTime),10}   CPU {Ms(coldCpu)}");
        Line($"  compile warm (second, new rule set):  {Ms(warmTime),10}   CPU {Ms(warmCpu)}");
        Line($"");

        // 2. Data.
        stopwatch.Restart();
        var options = new GeneratorOptions { AlisCount = arguments.AlisCount, Seed = arguments.Seed, FullHistory = arguments.FullHistory };
        var municipalities = SyntheticRecordsGenerator.Generate(arenaTable, catalog, options);
        var generationTime = stopwatch.Elapsed;
        PrintData(municipalities, asOf, options, generationTime);

        var (waited, jitTime) = JitSettle.Wait();
        Line($"Waited {Ms(waited)} for the background JIT to go quiet ({Ms(jitTime)} of JIT meanwhile: tier-1 recompilation of Roslyn after the first compile).");
        Line($"");

        // 3. Facts alone, then the full evaluation, then the same on one thread: warm-up, then the median of five.
        var checker = new ComplianceChecker(rules, catalog);
        var facts = Measure(() => FactsOnly(municipalities, catalog));
        var evaluation = Measure(() => checker.Check(municipalities, asOf));
        var sequential = Measure(() => EvaluateOnOneThread(checker, municipalities, asOf));
        var report = evaluation.Result;
        var alisPerSecond = arguments.AlisCount / evaluation.Median.TotalSeconds;

        Line($"Facts only (AlisFacts.Create for every ALIS, PLINQ like the checker), after {facts.Warmups} warm-up passes, median of {TimedRuns}:");
        Line($"  time:                                 {Ms(facts.Median),10}   runs {string.Join(", ", facts.Times.Select(Ms))}");
        Line($"  CPU time (all threads):               {Ms(facts.MedianCpu),10}");
        Line($"  allocated per pass:                   {Mb(facts.MedianAllocated),10}   {facts.Gc}");
        Line($"");
        Line($"Evaluation (ComplianceChecker.Check, facts + every rule), after {evaluation.Warmups} warm-up passes (until one compiles nothing), median of {TimedRuns}:");
        Line($"  time for {arguments.AlisCount} ALIS:                {Ms(evaluation.Median),10}   runs {string.Join(", ", evaluation.Times.Select(Ms))}");
        Line($"  CPU time (all threads):               {Ms(evaluation.MedianCpu),10}   ({evaluation.MedianCpu.TotalMicroseconds / Math.Max(1, arguments.AlisCount):F1} µs per ALIS; wall × cores = {Ms(evaluation.Median * Environment.ProcessorCount)})");
        Line($"  throughput:                           {alisPerSecond,10:N0} ALIS/s");
        Line($"  allocated per pass:                   {Mb(evaluation.MedianAllocated),10}   ({evaluation.MedianAllocated / Math.Max(1, arguments.AlisCount) / 1024.0:F1} KB per ALIS)");
        Line($"  garbage collection:                   {evaluation.Gc}");
        Line($"  ALIS evaluated (in training):         {report.AlisEvaluated,10}");
        Line($"  findings:                             {report.Findings.Count,10}   {BySeverity(report)}");
        Line($"  rule errors:                          {report.Errors.Count,10}");
        foreach (var error in report.Errors.Take(5))
        {
            Line($"    {error}");
        }

        Line($"  findings by rule:                     {string.Join(", ", report.Findings.GroupBy(finding => finding.RuleId, StringComparer.Ordinal).OrderByDescending(group => group.Count()).Select(group => Invariant($"{group.Key} {group.Count()}")))}");
        Line($"");
        Line($"Evaluation on one thread (ComplianceChecker.EvaluateAlis in a loop, findings kept as Check keeps them), after {sequential.Warmups} warm-up passes, median of {TimedRuns}:");
        Line($"  time for {arguments.AlisCount} ALIS:                {Ms(sequential.Median),10}   runs {string.Join(", ", sequential.Times.Select(Ms))}");
        Line($"  CPU time (all threads):               {Ms(sequential.MedianCpu),10}   ({sequential.MedianCpu.TotalMicroseconds / Math.Max(1, arguments.AlisCount):F1} µs per ALIS)");
        Line($"  allocated per pass:                   {Mb(sequential.MedianAllocated),10}   findings {sequential.Result}");
        Line($"  garbage collection:                   {sequential.Gc}");
        Line($"");

        if (arguments.Profile)
        {
            FactsProfile.Run(municipalities, catalog, checker, asOf);
        }

        // The target is for 10 000 ALIS; another N is scaled to it, as an indication only (at small N the JIT and
        // fixed costs weigh more, at large N the GC).
        var perTenThousand = evaluation.Median * (TargetAlis / (double)Math.Max(1, arguments.AlisCount));
        var judged = arguments.AlisCount == TargetAlis;
        var evaluationOk = perTenThousand < EvaluationTarget;
        var compileOk = coldTime < CompileTarget;
        var evaluationVerdict = judged
            ? Invariant($"evaluation {(evaluationOk ? "MEETS" : "MISSES")} the target ({Ms(evaluation.Median)} for {TargetAlis} ALIS, target < {Ms(EvaluationTarget)})")
            : Invariant($"evaluation not judged at {arguments.AlisCount} ALIS (scaled: {Ms(perTenThousand)} per {TargetAlis} ALIS, target < {Ms(EvaluationTarget)}; run without --alis to judge)");
        Line($"Verdict: {evaluationVerdict}; cold compile {(compileOk ? "MEETS" : "MISSES")} the target ({Ms(coldTime)}, target < {Ms(CompileTarget)}).");
        rules.Dispose();
        return (evaluationOk || !judged) && compileOk ? 0 : 1;
    }

    /// <summary>The facts of every ALIS, built the way <see cref="ComplianceChecker.Check"/> builds them.</summary>
    internal static List<AlisFacts> FactsOnly(IReadOnlyList<MunicipalityRecords> municipalities, TrainingCatalog catalog) =>
        municipalities
            .SelectMany(records => records.Alis.Select(alis => (records, alis)))
            .AsParallel()
            .AsOrdered()
            .Select(pair => AlisFacts.Create(pair.records, pair.alis, catalog))
            .ToList();

    /// <summary>What <see cref="ComplianceChecker.Check"/> does, on one thread: the evaluations and findings are kept, as in a report.</summary>
    internal static int EvaluateOnOneThread(ComplianceChecker checker, IReadOnlyList<MunicipalityRecords> municipalities, LocalDate asOf)
    {
        var evaluations = new List<AlisEvaluation>();
        foreach (var records in municipalities)
        {
            foreach (var alis in records.Alis)
            {
                evaluations.Add(checker.EvaluateAlis(records, alis, asOf));
            }
        }

        return evaluations.SelectMany(evaluation => evaluation.Findings).ToList().Count;
    }

    private static Measurement<T> Measure<T>(Func<T> action)
    {
        // Warm up until a pass compiles nothing more: tier-1 code for the facts and the generated rules.
        var result = action();
        var warmups = 1;
        for (; warmups < MaxWarmups; warmups++)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            result = action();
            if (System.Runtime.JitInfo.GetCompilationTime() - jitBefore < TimeSpan.FromMilliseconds(1))
            {
                break;
            }
        }

        var times = new List<TimeSpan>(TimedRuns);
        var cpuTimes = new List<TimeSpan>(TimedRuns);
        var pauses = new List<TimeSpan>(TimedRuns);
        var collections = new List<(int Gen0, int Gen1, int Gen2)>(TimedRuns);
        var jitTimes = new List<TimeSpan>(TimedRuns);
        var allocations = new List<long>(TimedRuns);
        for (var run = 0; run < TimedRuns; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            // Per-thread counters miss what PLINQ's workers allocate: count the whole process.
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var stopwatch = Stopwatch.StartNew();
            result = action();
            times.Add(stopwatch.Elapsed);
            cpuTimes.Add(Environment.CpuUsage.TotalTime - cpuBefore);
            pauses.Add(GC.GetTotalPauseDuration() - pauseBefore);
            jitTimes.Add(System.Runtime.JitInfo.GetCompilationTime() - jitBefore);
            collections.Add((GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2));
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }

        var (medianGen0, medianGen1, medianGen2) = collections[times.IndexOf(Median(times))];
        return new Measurement<T>(result, warmups, times, Median(times), Median(cpuTimes), Median(allocations), Median(pauses), Invariant($"{medianGen0}/{medianGen1}/{medianGen2}"), Median(jitTimes));
    }

    private static void PrintData(IReadOnlyList<MunicipalityRecords> municipalities, LocalDate asOf, GeneratorOptions options, TimeSpan generationTime)
    {
        var alis = municipalities.SelectMany(records => records.Alis).ToArray();
        var inTraining = alis.Where(record => record.TrainingStart <= asOf && (record.SpecialistApprovedOn is null || asOf < record.SpecialistApprovedOn)).ToArray();
        var byStartYear = inTraining.GroupBy(record => record.TrainingStart.Year).OrderBy(group => group.Key)
            .Select(group => Invariant($"{group.Key}: {group.Count()}"));
        Line($"Synthetic data (Bogus, seed {options.Seed}, {(options.FullHistory ? "whole five-year histories, future records too" : "records up to the as-of date, plans beyond it")}), generated in {Ms(generationTime)}:");
        Line($"  municipalities:                       {municipalities.Count,10}");
        Line($"  ALIS:                                 {alis.Length,10}   in training {inTraining.Length}, not started {alis.Count(record => record.TrainingStart > asOf)}, approved specialist {alis.Count(record => record.SpecialistApprovedOn <= asOf)}");
        Line($"  in training by start year:            {string.Join(", ", byStartYear)}");
        Line($"  per ALIS in training (mean / max):    sessions {Mean(inTraining, record => record.SupervisionSessions.Count)} / {inTraining.Max(record => record.SupervisionSessions.Count)}, goals {Mean(inTraining, record => record.Goals.Count)} / {inTraining.Max(record => record.Goals.Count)}, service periods {Mean(inTraining, record => record.ServicePeriods.Count)}, group meetings {Mean(inTraining, record => record.GroupSupervision.Count)}, courses {Mean(inTraining, record => record.Courses.Count)}, reviews {Mean(inTraining, record => record.PlanReviews.Count)}");
        Line($"  sessions in total:                    {alis.Sum(record => record.SupervisionSessions.Count),10}");
        Line($"");
    }

    /// <summary>Whether Roslyn runs precompiled, as in the deployed service, or is JIT-compiled on first use.</summary>
    private static string RoslynCode()
    {
        using var reader = new PEReader(File.OpenRead(typeof(Microsoft.CodeAnalysis.SyntaxTree).Assembly.Location));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0
            ? "ReadyToRun (published for a runtime)"
            : "IL only, JIT-compiled on first use (bash bench/run.sh publishes it ReadyToRun)";
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }

    private static string BySeverity(ComplianceReport report) =>
        string.Join(", ", report.Findings.GroupBy(finding => finding.Severity).OrderByDescending(group => group.Key)
            .Select(group => Invariant($"{group.Key.ToString().ToLowerInvariant()} {group.Count()}")));

    private static string Mean(AlisRecord[] records, Func<AlisRecord, int> count) =>
        records.Length == 0 ? "-" : records.Average(count).ToString("F1", CultureInfo.InvariantCulture);

#if DEBUG
    private const bool IsDebug = true;
#else
    private const bool IsDebug = false;
#endif

    private static string BuildConfiguration => IsDebug ? "Debug" : "Release";

    private static T Median<T>(List<T> values) => values.Order().ElementAt(values.Count / 2);

    internal static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static void Line(FormattableString text) => Console.Out.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private sealed record Measurement<T>(
        T Result,
        int Warmups,
        List<TimeSpan> Times,
        TimeSpan Median,
        TimeSpan MedianCpu,
        long MedianAllocated,
        TimeSpan MedianGcPause,
        string Collections,
        TimeSpan MedianJit)
    {
        public string Gc => Invariant($"GC pauses {Ms(MedianGcPause)}, collections gen0/1/2 {Collections} (median run); JIT during a run {Ms(MedianJit)}");
    }
}
