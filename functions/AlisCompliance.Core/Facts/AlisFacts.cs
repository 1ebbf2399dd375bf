using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>
/// The facts of one ALIS, computed from the records, that rules are written against. Methods take the
/// windows and thresholds as parameters so the ALIS-kontor can change them in JSON; this class only counts.
/// Split by area over the partial files AlisFacts.*.cs.
/// </summary>
public sealed partial class AlisFacts
{
    private readonly AlisRecord _alis;
    private readonly TrainingCatalog _catalog;
    private readonly IReadOnlyList<DateInterval> _leave;
    private readonly ServiceTime _serviceTime;

    private AlisFacts(MunicipalityRecords records, AlisRecord alis, TrainingCatalog catalog)
    {
        // Built for every ALIS of every evaluation, so this does the least it can: no per-ALIS dictionaries (an ALIS
        // refers to a handful of arenas and veiledere, found by a short scan), no second sort of records that
        // already come in date order, and session facts only when a rule asks for them.
        _alis = alis;
        _catalog = catalog;
        Municipality = records.Municipality;
        _leave = alis.Leave.Count == 0 ? [] : DayRanges.Merge(alis.Leave.Select(leave => new DateInterval(leave.From, leave.To)));

        var arenas = records.Municipality.Arenas;
        var periods = InDateOrder(alis.ServicePeriods, period => period.From);
        var servicePeriods = new ServicePeriodFacts[periods.Count];
        for (var index = 0; index < servicePeriods.Length; index++)
        {
            var period = periods[index];
            var type = FindArena(arenas, period.ArenaId)?.Type ?? string.Empty;
            servicePeriods[index] = new ServicePeriodFacts(period.Id, period.ArenaId, type, ServiceTime.CategoryOf(catalog, type), period.From, period.To, period.PositionPercent);
        }

        ServicePeriods = servicePeriods;
        _serviceTime = new ServiceTime(alis.TrainingStart, servicePeriods, _leave);

        var assignments = InDateOrder(alis.VeilederAssignments, assignment => assignment.From);
        var veiledere = new VeilederFacts[assignments.Count];
        for (var index = 0; index < veiledere.Length; index++)
        {
            veiledere[index] = ToVeilederFacts(assignments[index], records.Veiledere, records.Municipality.Id);
        }

        Veiledere = veiledere;

        _sessionRecords = InDateOrder(alis.SupervisionSessions, session => session.Date);
        _sessionDates = new LocalDate[_sessionRecords.Count];
        _cumulativeMinutes = new long[_sessionRecords.Count + 1];
        for (var index = 0; index < _sessionDates.Length; index++)
        {
            var session = _sessionRecords[index];
            _sessionDates[index] = session.Date;
            _cumulativeMinutes[index + 1] = _cumulativeMinutes[index] + session.Minutes;
        }
    }

    public static AlisFacts Create(MunicipalityRecords records, AlisRecord alis, TrainingCatalog catalog) =>
        new(records, alis, catalog);

    public string AlisId => _alis.Id;

    public string LeaderId => _alis.LeaderId;

    public string MunicipalityId => Municipality.Id;

    internal Municipality Municipality { get; }

    public LocalDate TrainingStart => _alis.TrainingStart;

    public LocalDate? SpecialistApprovedOn => _alis.SpecialistApprovedOn;

    public bool IsOnOldScheme => _alis.Scheme == TrainingScheme.Old;

    public bool IsOnNewScheme => _alis.Scheme == TrainingScheme.New;

    public bool IsConverted => _alis.Scheme == TrainingScheme.Converted;

    public LocalDate? ConversionDate => _alis.ConversionDate;

    /// <summary>In training on the date: started, and not yet approved as specialist.</summary>
    public bool IsInTrainingOn(LocalDate date) =>
        TrainingStart <= date && (SpecialistApprovedOn is null || date < SpecialistApprovedOn.Value);

    public bool IsOnLeave(LocalDate date)
    {
        foreach (var leave in _leave)
        {
            if (leave.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Days from the start of training to the date (0 on the first day).</summary>
    public int DaysInTraining(LocalDate asOf) => Math.Max(0, Period.DaysBetween(TrainingStart, asOf));

    /// <summary>
    /// Days from <paramref name="from"/> to <paramref name="to"/>, counted as <c>Period.DaysBetween</c> does, less the
    /// days after <paramref name="from"/> up to and including <paramref name="to"/> that the ALIS was on leave: leave
    /// pauses the clock. Negative, like <c>Period.DaysBetween</c>, when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int DaysBetweenExcludingLeave(LocalDate from, LocalDate to)
    {
        var days = Period.DaysBetween(from, to);
        return days <= 0 ? days : days - DayRanges.CoveredDays(_leave, from.PlusDays(1), to);
    }

    public LocalDate? MunicipalityRegisteredSince => Municipality.RegisteredEducationInstitutionSince;

    public bool MunicipalityIsRegisteredOn(LocalDate date) =>
        MunicipalityRegisteredSince is { } since && since <= date;

    private static VeilederFacts ToVeilederFacts(VeilederAssignment assignment, IReadOnlyList<Veileder> veiledere, string municipalityId)
    {
        Veileder? veileder = null;
        foreach (var candidate in veiledere)
        {
            if (string.Equals(candidate.Id, assignment.VeilederId, StringComparison.Ordinal))
            {
                veileder = candidate;
                break;
            }
        }

        return new VeilederFacts(
            assignment.VeilederId,
            assignment.From,
            assignment.To,
            veileder?.SpecialistSince,
            veileder?.ExemptionUntil,
            veileder?.VeilederCourseCompletedOn,
            veileder?.WorkplaceMunicipalityId is null || string.Equals(veileder.WorkplaceMunicipalityId, municipalityId, StringComparison.Ordinal));
    }

    private static Arena? FindArena(IReadOnlyList<Arena> arenas, string arenaId)
    {
        foreach (var arena in arenas)
        {
            if (string.Equals(arena.Id, arenaId, StringComparison.Ordinal))
            {
                return arena;
            }
        }

        return null;
    }

    /// <summary>
    /// The items in date order, ties in their recorded order (a stable sort, as OrderBy): the list itself when it
    /// is in order already, as records usually are.
    /// </summary>
    private static IReadOnlyList<T> InDateOrder<T>(IReadOnlyList<T> items, Func<T, LocalDate> date)
    {
        for (var index = 1; index < items.Count; index++)
        {
            if (date(items[index]) < date(items[index - 1]))
            {
                return items.OrderBy(date).ToArray();
            }
        }

        return items;
    }
}
