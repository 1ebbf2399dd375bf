using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    // The sessions in date order, their dates (searched by bisection) and running minutes, so any window's hours
    // are two searches and a subtraction.
    private readonly IReadOnlyList<Records.SupervisionSession> _sessionRecords;
    private readonly LocalDate[] _sessionDates;
    private readonly long[] _cumulativeMinutes;
    private SessionFacts[]? _sessions;
    private CompletedYears? _completedYears;

    public IReadOnlyList<SessionFacts> Sessions => _sessions ??= CreateSessionFacts();

    /// <summary>
    /// The supervision clock starts at the start of training, or for a converted ALIS at the conversion:
    /// the 42-hour year applies "from conversion to the new scheme".
    /// </summary>
    public LocalDate SupervisionClockStart =>
        IsConverted && ConversionDate is { } converted && converted > TrainingStart ? converted : TrainingStart;

    /// <summary>Hours of individual supervision on dates in [from, to], both inclusive.</summary>
    public double SupervisionHours(LocalDate from, LocalDate to) => SupervisionMinutes(from, to) / 60.0;

    public int SupervisionSessionCount(LocalDate from, LocalDate to) =>
        Math.Max(0, UpperBound(to) - LowerBound(from));

    /// <summary>Share of days in [from, to] spent in training and not on leave.</summary>
    public double ActiveFraction(LocalDate from, LocalDate to)
    {
        var total = DayRanges.Days(from, to);
        return total == 0 ? 0 : (double)ActiveDays(from, to) / total;
    }

    /// <summary>The training year containing <paramref name="asOf"/>, counted from the supervision clock start.</summary>
    public SupervisionYear CurrentTrainingYear(LocalDate asOf)
    {
        var number = Math.Max(0, Period.Between(SupervisionClockStart, asOf, PeriodUnits.Years).Years);
        return TrainingYear(number + 1, asOf);
    }

    /// <summary>Every training year that ended before <paramref name="asOf"/>.</summary>
    public IReadOnlyList<SupervisionYear> CompletedTrainingYears(LocalDate asOf)
    {
        // Rules ask for this more than once per evaluation with the same date: the years are computed once, and each
        // caller gets its own list of them.
        if (Volatile.Read(ref _completedYears) is { } cached && cached.AsOf == asOf)
        {
            return new List<SupervisionYear>(cached.Years);
        }

        var years = new List<SupervisionYear>();
        for (var number = 1; ; number++)
        {
            var year = TrainingYear(number, asOf);
            if (!year.IsComplete)
            {
                Volatile.Write(ref _completedYears, new CompletedYears(asOf, [.. years]));
                return years;
            }

            years.Add(year);
        }
    }

    /// <summary>
    /// Days, leave days not counted, from the last supervision session on or before <paramref name="asOf"/> to
    /// asOf; counted from the start of the current training year at the earliest, so a new year starts afresh.
    /// </summary>
    public int DaysWithoutSupervision(LocalDate asOf) => DaysBetweenExcludingLeave(WithoutSupervisionSince(asOf), asOf);

    /// <summary>The last session on or before asOf, or the start of the current training year if that is later.</summary>
    public LocalDate WithoutSupervisionSince(LocalDate asOf)
    {
        var yearStart = CurrentTrainingYear(asOf).From;
        var last = UpperBound(asOf) - 1;
        return last >= 0 && _sessionDates[last] > yearStart ? _sessionDates[last] : yearStart;
    }

    /// <summary>The twelve months ending on <paramref name="asOf"/> (one year back, plus a day, to asOf).</summary>
    public SupervisionYear LastTwelveMonths(LocalDate asOf) => Window(0, asOf.PlusYears(-1).PlusDays(1), asOf, asOf);

    /// <summary>Sessions dated on or before <paramref name="dueBy"/> whose referat is still not finalised.</summary>
    public IReadOnlyList<SessionFacts> SessionsWithoutFinalisedReferat(LocalDate dueBy) =>
        SessionsWithoutFinalisedReferat(LocalDate.MinIsoValue, dueBy);

    /// <summary>
    /// Sessions dated in [<paramref name="from"/>, <paramref name="dueBy"/>] whose referat is still not finalised. A
    /// converted ALIS has used Kompetanseportalen only since the conversion: pass <see cref="SupervisionClockStart"/>.
    /// </summary>
    public IReadOnlyList<SessionFacts> SessionsWithoutFinalisedReferat(LocalDate from, LocalDate dueBy)
    {
        var sessions = _sessions;
        var unfinalised = new List<SessionFacts>();
        for (var index = LowerBound(from); index < _sessionRecords.Count && _sessionDates[index] <= dueBy; index++)
        {
            if (!_sessionRecords[index].ReferatFinalised)
            {
                unfinalised.Add(sessions is null ? ToSessionFacts(_sessionRecords[index]) : sessions[index]);
            }
        }

        return unfinalised.ToArray();
    }

    /// <summary>The longest stretch in days between consecutive sessions (or from the clock start) up to asOf.</summary>
    public int LongestGapBetweenSessions(LocalDate asOf)
    {
        var clockStart = SupervisionClockStart;
        var previous = clockStart;
        var longest = 0;
        for (var index = LowerBound(clockStart); index < _sessionDates.Length && _sessionDates[index] <= asOf; index++)
        {
            longest = Math.Max(longest, Period.DaysBetween(previous, _sessionDates[index]));
            previous = _sessionDates[index];
        }

        return Math.Max(longest, Period.DaysBetween(previous, asOf));
    }

    /// <summary>
    /// Completed calendar months, among the <paramref name="monthsBack"/> before asOf's month, that the ALIS spent
    /// wholly in institution service (leave days aside) without one supervision session.
    /// </summary>
    public IReadOnlyList<YearMonth> InstitutionMonthsWithoutSupervision(LocalDate asOf, int monthsBack)
    {
        var months = new List<YearMonth>();
        var current = new YearMonth(asOf.Year, asOf.Month);

        // A month can only count with some institution service in it: most ALIS have none in the window.
        if (monthsBack < 1 || !AnyInstitutionService(current.PlusMonths(-monthsBack).OnDayOfMonth(1), current.OnDayOfMonth(1).PlusDays(-1)))
        {
            return months;
        }

        for (var back = monthsBack; back >= 1; back--)
        {
            var month = current.PlusMonths(-back);
            var first = month.OnDayOfMonth(1);
            var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            if (first >= TrainingStart && IsWhollyInInstitution(first, last) && SupervisionSessionCount(first, last) == 0)
            {
                months.Add(month);
            }
        }

        return months;
    }

    private bool AnyInstitutionService(LocalDate first, LocalDate last)
    {
        foreach (var period in ServicePeriods)
        {
            if (period.Category == Catalog.ArenaCategory.Institution && DayRanges.OverlapDays(period.From, period.To ?? last, first, last) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsWhollyInInstitution(LocalDate first, LocalDate last)
    {
        // Every day of the month is institution service or leave, and not every day is leave. Institution periods side
        // by side, or leave during institution service, must not count a day twice: the days are merged first.
        var covered = new List<DateInterval>(_leave.Count + 2);
        foreach (var period in ServicePeriods)
        {
            var to = period.To ?? last;
            if (period.Category == Catalog.ArenaCategory.Institution && DayRanges.OverlapDays(period.From, to, first, last) > 0)
            {
                covered.Add(new DateInterval(period.From < first ? first : period.From, to > last ? last : to));
            }
        }

        var days = DayRanges.Days(first, last);
        var leaveDays = DayRanges.CoveredDays(_leave, first, last);
        if (covered.Count == 0 || leaveDays >= days)
        {
            return false;
        }

        covered.AddRange(_leave);
        return DayRanges.CoveredDays(DayRanges.Merge(covered), first, last) >= days;
    }

    private SupervisionYear TrainingYear(int number, LocalDate asOf)
    {
        var from = SupervisionClockStart.PlusYears(number - 1);
        var to = SupervisionClockStart.PlusYears(number).PlusDays(-1);
        return Window(number, from, to, asOf);
    }

    private SupervisionYear Window(int number, LocalDate from, LocalDate to, LocalDate asOf)
    {
        var elapsedTo = asOf < to ? asOf : to;
        var days = DayRanges.Days(from, to);
        var monthsPerDay = 12.0 / days;
        return new SupervisionYear(
            number,
            from,
            to,
            IsComplete: to < asOf,
            SupervisionHours(from, elapsedTo),
            SupervisionSessionCount(from, elapsedTo),
            ActiveMonths: ActiveDays(from, to) * monthsPerDay,
            ElapsedActiveMonths: ActiveDays(from, elapsedTo) * monthsPerDay,
            ElapsedWholeActiveMonths: WholeActiveMonths(from, elapsedTo));
    }

    /// <summary>Whole calendar months in [from, to] in training, the months of leave taken out.</summary>
    private int WholeActiveMonths(LocalDate from, LocalDate to)
    {
        var start = from < TrainingStart ? TrainingStart : from;
        var end = SpecialistApprovedOn is { } approved && approved.PlusDays(-1) < to ? approved.PlusDays(-1) : to;
        var months = CalendarMonths.Between(start, end);
        foreach (var leave in _leave)
        {
            var leaveStart = leave.Start > start ? leave.Start : start;
            var leaveEnd = leave.End < end ? leave.End : end;
            months -= CalendarMonths.Between(leaveStart, leaveEnd);
        }

        // A tolerance for the fractions of leave months, so eight whole months are 8 and not 7,999….
        return Math.Max(0, (int)Math.Floor(months + 1e-9));
    }

    private int ActiveDays(LocalDate from, LocalDate to)
    {
        var start = from < TrainingStart ? TrainingStart : from;
        var end = SpecialistApprovedOn is { } approved && approved.PlusDays(-1) < to ? approved.PlusDays(-1) : to;
        return Math.Max(0, DayRanges.Days(start, end) - DayRanges.CoveredDays(_leave, start, end));
    }

    private long SupervisionMinutes(LocalDate from, LocalDate to)
    {
        var lower = LowerBound(from);
        var upper = UpperBound(to);
        return upper <= lower ? 0 : _cumulativeMinutes[upper] - _cumulativeMinutes[lower];
    }

    /// <summary>Index of the first session dated on or after <paramref name="date"/>.</summary>
    private int LowerBound(LocalDate date)
    {
        int low = 0, high = _sessionDates.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_sessionDates[middle] < date)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Index after the last session dated on or before <paramref name="date"/>.</summary>
    private int UpperBound(LocalDate date)
    {
        int low = 0, high = _sessionDates.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_sessionDates[middle] <= date)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private SessionFacts[] CreateSessionFacts()
    {
        var sessions = new SessionFacts[_sessionRecords.Count];
        for (var index = 0; index < sessions.Length; index++)
        {
            sessions[index] = ToSessionFacts(_sessionRecords[index]);
        }

        return sessions;
    }

    private static SessionFacts ToSessionFacts(Records.SupervisionSession session) =>
        new(session.Id, session.Date, session.Minutes / 60.0, session.VeilederId, session.ReferatFinalised);

    private sealed record CompletedYears(LocalDate AsOf, SupervisionYear[] Years);
}
