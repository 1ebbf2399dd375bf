using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>
/// A stretch of days during which the same two or more service periods run side by side (say, open practice and
/// out-of-hours duty). Only such stretches can add up to more than full time.
/// </summary>
internal sealed record OverlapSegment(LocalDate From, LocalDate To, IReadOnlyList<ServicePeriodFacts> Periods)
{
    /// <summary>The stretches where two or more periods overlap, from the later of a period's start and the training start.</summary>
    public static OverlapSegment[] Find(LocalDate trainingStart, IReadOnlyList<ServicePeriodFacts> periods, LocalDate horizon)
    {
        if (!AnyOverlap(trainingStart, periods, horizon))
        {
            return [];
        }

        var edges = new LocalDate[periods.Count * 2];
        var count = 0;
        foreach (var period in periods)
        {
            var (start, end) = Span(period, trainingStart, horizon);
            if (start <= end)
            {
                edges[count++] = start;
                edges[count++] = end.PlusDays(1);
            }
        }

        Array.Sort(edges, 0, count);
        var segments = new List<OverlapSegment>();
        var active = new List<ServicePeriodFacts>(periods.Count);
        for (var index = 0; index + 1 < count; index++)
        {
            var from = edges[index];
            var to = edges[index + 1].PlusDays(-1);
            if (to < from)
            {
                continue;
            }

            active.Clear();
            foreach (var period in periods)
            {
                var (start, end) = Span(period, trainingStart, horizon);
                if (start <= from && to <= end)
                {
                    active.Add(period);
                }
            }

            if (active.Count >= 2)
            {
                segments.Add(new OverlapSegment(from, to, active.ToArray()));
            }
        }

        return [.. segments];
    }

    private static bool AnyOverlap(LocalDate trainingStart, IReadOnlyList<ServicePeriodFacts> periods, LocalDate horizon)
    {
        for (var first = 0; first < periods.Count; first++)
        {
            var (start, end) = Span(periods[first], trainingStart, horizon);
            for (var second = first + 1; second < periods.Count; second++)
            {
                var (otherStart, otherEnd) = Span(periods[second], trainingStart, horizon);
                if (start <= otherEnd && otherStart <= end && start <= end && otherStart <= otherEnd)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (LocalDate Start, LocalDate End) Span(ServicePeriodFacts period, LocalDate trainingStart, LocalDate horizon) =>
        (period.From < trainingStart ? trainingStart : period.From, period.To ?? horizon);
}
