using System.Diagnostics;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;
using static AlisCompliance.Benchmarks.BenchCommand;

namespace AlisCompliance.Benchmarks;

/// <summary>
/// Where one evaluation's time goes, on one thread: building the facts, each facts member the rules call (as many
/// times per ALIS as rules/workflows call it, with the same arguments), and the whole evaluation. What the members
/// do not explain is the rules engine: generated code, evidence, messages and findings.
/// </summary>
internal static class FactsProfile
{
    private static readonly string[] RequiredProcedures =
    [
        "Ryggundersøkelse",
        "Demensutredning med MMS og andre anbefalte tester",
        "Innleggelse av spiral",
        "Lungefunksjonstesting (spirometri)",
    ];

    public static void Run(IReadOnlyList<MunicipalityRecords> municipalities, TrainingCatalog catalog, ComplianceChecker checker, LocalDate asOf)
    {
        var pairs = municipalities
            .SelectMany(records => records.Alis.Select(alis => (records, alis)))
            .Where(pair => AlisFacts.Create(pair.records, pair.alis, catalog).IsInTrainingOn(asOf))
            .ToArray();

        var evaluate = Best(() =>
        {
            foreach (var (records, alis) in pairs)
            {
                checker.EvaluateAlis(records, alis, asOf);
            }
        });

        // Per ALIS, as an evaluation does: build the facts, then call each member in turn (fresh facts, so a member
        // that caches per instance is timed as one evaluation sees it, with the ALIS's records warm in the cache).
        // Each call is timed on its own; a pass is repeated three times and each item keeps its best pass.
        var probes = Probes(asOf);
        var best = Enumerable.Repeat(long.MaxValue, probes.Count + 1).ToArray();
        for (var pass = 0; pass < 3; pass++)
        {
            var ticks = new long[probes.Count + 1];
            foreach (var (records, record) in pairs)
            {
                var started = Stopwatch.GetTimestamp();
                var alis = AlisFacts.Create(records, record, catalog);
                ticks[0] += Stopwatch.GetTimestamp() - started;
                for (var index = 0; index < probes.Count; index++)
                {
                    var (_, calls, probe) = probes[index];
                    started = Stopwatch.GetTimestamp();
                    for (var call = 0; call < calls; call++)
                    {
                        probe(alis);
                    }

                    ticks[index + 1] += Stopwatch.GetTimestamp() - started;
                }
            }

            for (var index = 0; index < best.Length; index++)
            {
                best[index] = Math.Min(best[index], ticks[index]);
            }
        }

        var create = Stopwatch.GetElapsedTime(0, best[0]);
        var rows = probes.Select((probe, index) => (probe.Name, probe.Calls, Time: Stopwatch.GetElapsedTime(0, best[index + 1]))).ToList();
        var members = rows.Aggregate(TimeSpan.Zero, (sum, row) => sum + row.Time);
        Line($"Profile, one thread, {pairs.Length} ALIS in training (best of 3 passes):");
        Line($"  whole evaluation (EvaluateAlis):       {Ms(evaluate),10}   {evaluate.TotalMicroseconds / pairs.Length:F1} µs per ALIS (CPU time)");
        Line($"  AlisFacts.Create:                      {Ms(create),10}   {create.TotalMicroseconds / pairs.Length:F1} µs per ALIS");
        Line($"  facts members the rules call:          {Ms(members),10}   {members.TotalMicroseconds / pairs.Length:F1} µs per ALIS");
        Line($"  rest (rules engine, findings):         {Ms(evaluate - create - members),10}   {(evaluate - create - members).TotalMicroseconds / pairs.Length:F1} µs per ALIS");
        foreach (var (name, calls, time) in rows.OrderByDescending(row => row.Time))
        {
            Line($"    {name + (calls > 1 ? Invariant($" ×{calls}") : string.Empty),-56} {Ms(time),10}");
        }

        Line($"");
    }

    private static List<(string Name, int Calls, Action<AlisFacts> Probe)> Probes(LocalDate asOf) =>
    [
        ("DateServiceReaches(5, 4.5, 2.5)", 3, alis => alis.DateServiceReaches(5.0, 4.5, 2.5)),
        ("CountableServiceYears(asOf, 4.5, 2.5)", 2, alis => alis.CountableServiceYears(asOf, 4.5, 2.5)),
        ("CountableServiceYears(PlanHorizon, 4.5, 2.5)", 1, alis => alis.CountableServiceYears(alis.PlanHorizon ?? asOf, 4.5, 2.5)),
        ("PlannedServiceYears(…)", 3, alis =>
        {
            alis.PlannedServiceYears("open-general-practice", 50);
            alis.PlannedServiceYears("other-general-practice", 0);
            alis.PlannedServiceYears("institution", 0);
        }),
        ("ServiceYears(…, asOf, …)", 1, alis =>
        {
            alis.ServiceYears("open-general-practice", asOf, 50);
            alis.ServiceYears("institution", asOf, 0);
        }),
        ("PlannedServiceEnd, PlanHorizon", 1, alis =>
        {
            _ = alis.PlannedServiceEnd;
            _ = alis.PlanHorizon;
            _ = alis.PlanHorizon;
        }),
        ("CompletedTrainingYears(asOf) + ExpectedHours", 2, alis => _ = alis.CompletedTrainingYears(asOf).Count(year => year.SupervisionHours < year.ExpectedHours(42))),
        ("LastTwelveMonths, CurrentTrainingYear", 1, alis =>
        {
            alis.LastTwelveMonths(asOf);
            alis.CurrentTrainingYear(asOf);
        }),
        ("SupervisionHours, ActiveFraction (3 months)", 1, alis =>
        {
            alis.SupervisionHours(asOf.PlusMonths(-3).PlusDays(1), asOf);
            alis.ActiveFraction(asOf.PlusMonths(-3).PlusDays(1), asOf);
        }),
        ("InstitutionMonthsWithoutSupervision(asOf, 6)", 1, alis => alis.InstitutionMonthsWithoutSupervision(asOf, 6)),
        ("SessionsWithoutFinalisedReferat", 1, alis => alis.SessionsWithoutFinalisedReferat(asOf.PlusDays(-14))),
        ("VeilederOn(asOf)", 1, alis => alis.VeilederOn(asOf)),
        ("VeilederGaps + VeilederOverlaps", 1, alis =>
        {
            _ = alis.VeilederGaps(asOf).Any(gap => gap.End >= asOf.PlusYears(-1));
            _ = alis.VeilederOverlaps(asOf).Any(gap => gap.End >= asOf.PlusYears(-1));
        }),
        ("UncoveredGoals", 1, alis => _ = alis.UncoveredGoals),
        ("ApprovedGoalsLackingAssessment + ApprovedGoalCount", 1, alis =>
        {
            alis.ApprovedGoalsLackingAssessment(asOf);
            alis.ApprovedGoalCount(asOf);
        }),
        ("CourseTopicCount, ProceduresNotSigned, JointConsultations", 1, alis =>
        {
            alis.CourseTopicCount(asOf);
            alis.ProceduresNotSigned(RequiredProcedures, asOf);
            alis.JointConsultationsWithVeileder(asOf);
        }),
        ("GroupSupervisionHours + GroupYearInOpenPractice", 2, alis =>
        {
            alis.GroupSupervisionHours(1, asOf);
            alis.GroupYearInOpenPractice(1, asOf);
        }),
        ("LastPlanReview, IsOnLeave, DaysInTraining", 1, alis =>
        {
            alis.LastPlanReview(asOf);
            alis.IsOnLeave(asOf);
            alis.DaysInTraining(asOf);
        }),
    ];

    /// <summary>The least CPU time of three runs: steadier than wall time on a busy machine.</summary>
    private static TimeSpan Best(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = Environment.CpuUsage.TotalTime;
            action();
            var time = Environment.CpuUsage.TotalTime - before;
            best = time < best ? time : best;
        }

        return best;
    }
}
