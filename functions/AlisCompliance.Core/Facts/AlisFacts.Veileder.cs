using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    /// <summary>Every veileder assignment, in date order.</summary>
    public IReadOnlyList<VeilederFacts> Veiledere { get; }

    /// <summary>The veileder assigned on the date (the latest-started if, wrongly, several are); null if none.</summary>
    public VeilederFacts? VeilederOn(LocalDate date) =>
        Veiledere.LastOrDefault(veileder => veileder.AssignedFrom <= date && (veileder.AssignedTo is null || date <= veileder.AssignedTo.Value));

    /// <summary>
    /// Stretches from the start of training to asOf with no veileder, leave days excepted (no veileder is needed on leave).
    /// </summary>
    public IReadOnlyList<DateInterval> VeilederGaps(LocalDate asOf) => CoverageRuns(asOf, count => count == 0);

    /// <summary>Stretches from the start of training to asOf with more than one veileder at once.</summary>
    public IReadOnlyList<DateInterval> VeilederOverlaps(LocalDate asOf) => CoverageRuns(asOf, count => count > 1);

    private List<DateInterval> CoverageRuns(LocalDate asOf, Func<int, bool> wrong)
    {
        var runs = new List<DateInterval>();
        var end = SpecialistApprovedOn is { } approved && approved.PlusDays(-1) < asOf ? approved.PlusDays(-1) : asOf;
        if (end < TrainingStart)
        {
            return runs;
        }

        // Walk the change points of the assignment count rather than every day: a handful of intervals per ALIS.
        var changes = new SortedSet<LocalDate> { TrainingStart, end.PlusDays(1) };
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

        var points = changes.Where(point => point >= TrainingStart && point <= end.PlusDays(1)).ToArray();
        for (var index = 0; index < points.Length - 1; index++)
        {
            var from = points[index];
            var to = points[index + 1].PlusDays(-1);
            var count = Veiledere.Count(veileder => veileder.AssignedFrom <= from && (veileder.AssignedTo is null || from <= veileder.AssignedTo.Value));
            if (!IsOnLeave(from) && wrong(count))
            {
                if (runs.Count > 0 && runs[^1].End.PlusDays(1) == from)
                {
                    runs[^1] = new DateInterval(runs[^1].Start, to);
                }
                else
                {
                    runs.Add(new DateInterval(from, to));
                }
            }
        }

        return runs;
    }
}
