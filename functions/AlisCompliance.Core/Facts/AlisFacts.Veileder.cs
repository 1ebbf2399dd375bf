using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    private CoverageRunsResult? _coverageRuns;

    /// <summary>Every veileder assignment, in date order.</summary>
    public IReadOnlyList<VeilederFacts> Veiledere { get; }

    /// <summary>The veileder assigned on the date (the latest-started if, wrongly, several are); null if none.</summary>
    public VeilederFacts? VeilederOn(LocalDate date)
    {
        for (var index = Veiledere.Count - 1; index >= 0; index--)
        {
            if (IsAssignedOn(Veiledere[index], date))
            {
                return Veiledere[index];
            }
        }

        return null;
    }

    /// <summary>
    /// Stretches from the start of training to asOf with no veileder, leave days excepted (no veileder is needed on leave).
    /// </summary>
    public IReadOnlyList<DateInterval> VeilederGaps(LocalDate asOf) => [.. CoverageRuns(asOf).Gaps];

    /// <summary>Stretches from the start of training to asOf with more than one veileder at once.</summary>
    public IReadOnlyList<DateInterval> VeilederOverlaps(LocalDate asOf) => [.. CoverageRuns(asOf).Overlaps];

    private static bool IsAssignedOn(VeilederFacts veileder, LocalDate date) =>
        veileder.AssignedFrom <= date && (veileder.AssignedTo is null || date <= veileder.AssignedTo.Value);

    /// <summary>Gaps and overlaps come from one walk over the timeline, made once per date: rules ask for both.</summary>
    private CoverageRunsResult CoverageRuns(LocalDate asOf)
    {
        if (Volatile.Read(ref _coverageRuns) is { } cached && cached.AsOf == asOf)
        {
            return cached;
        }

        var gaps = new List<DateInterval>();
        var overlaps = new List<DateInterval>();
        var end = SpecialistApprovedOn is { } approved && approved.PlusDays(-1) < asOf ? approved.PlusDays(-1) : asOf;
        if (end >= TrainingStart)
        {
            // Walk the change points of the assignment count rather than every day: a handful of intervals per ALIS.
            var stop = end.PlusDays(1);
            var changes = new List<LocalDate>(2 + (2 * Veiledere.Count) + (2 * _leave.Count)) { TrainingStart, stop };
            foreach (var veileder in Veiledere)
            {
                changes.Add(veileder.AssignedFrom);
                if (veileder.AssignedTo is { } to)
                {
                    changes.Add(to.PlusDays(1));
                }
            }

            foreach (var leave in _leave)
            {
                changes.Add(leave.Start);
                changes.Add(leave.End.PlusDays(1));
            }

            changes.Sort();
            LocalDate? previous = null;
            foreach (var point in changes)
            {
                if (point < TrainingStart || point > stop || point == previous)
                {
                    continue;
                }

                if (previous is { } from)
                {
                    AddRun(from, point.PlusDays(-1), gaps, overlaps);
                }

                previous = point;
            }
        }

        var computed = new CoverageRunsResult(asOf, [.. gaps], [.. overlaps]);
        Volatile.Write(ref _coverageRuns, computed);
        return computed;
    }

    private void AddRun(LocalDate from, LocalDate to, List<DateInterval> gaps, List<DateInterval> overlaps)
    {
        if (IsOnLeave(from))
        {
            return;
        }

        var count = 0;
        foreach (var veileder in Veiledere)
        {
            if (IsAssignedOn(veileder, from))
            {
                count++;
            }
        }

        var runs = count == 0 ? gaps : count > 1 ? overlaps : null;
        if (runs is null)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].End.PlusDays(1) == from)
        {
            runs[^1] = new DateInterval(runs[^1].Start, to);
        }
        else
        {
            runs.Add(new DateInterval(from, to));
        }
    }

    private sealed record CoverageRunsResult(LocalDate AsOf, DateInterval[] Gaps, DateInterval[] Overlaps);
}
