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
        _alis = alis;
        _catalog = catalog;
        Municipality = records.Municipality;
        _leave = DayRanges.Merge(alis.Leave.Select(leave => new DateInterval(leave.From, leave.To)));

        var arenas = records.Municipality.Arenas.ToDictionary(arena => arena.Id, StringComparer.Ordinal);
        ServicePeriods = alis.ServicePeriods
            .OrderBy(period => period.From)
            .Select(period =>
            {
                var type = arenas.TryGetValue(period.ArenaId, out var arena) ? arena.Type : string.Empty;
                return new ServicePeriodFacts(period.Id, period.ArenaId, type, ServiceTime.CategoryOf(catalog, type), period.From, period.To, period.PositionPercent);
            })
            .ToArray();
        _serviceTime = new ServiceTime(alis.TrainingStart, ServicePeriods, _leave);
        _arenaGoals = arenas.ToDictionary(pair => pair.Key, pair => pair.Value.Goals, StringComparer.Ordinal);

        var veiledere = records.Veiledere.ToDictionary(veileder => veileder.Id, StringComparer.Ordinal);
        Veiledere = alis.VeilederAssignments
            .OrderBy(assignment => assignment.From)
            .Select(assignment => ToVeilederFacts(assignment, veiledere, records.Municipality.Id))
            .ToArray();

        _sessions = alis.SupervisionSessions
            .OrderBy(session => session.Date)
            .Select(session => new SessionFacts(session.Id, session.Date, session.Minutes / 60.0, session.VeilederId, session.ReferatFinalised))
            .ToArray();
        _cumulativeMinutes = new long[_sessions.Length + 1];
        var sorted = alis.SupervisionSessions.OrderBy(session => session.Date).ToArray();
        for (var index = 0; index < sorted.Length; index++)
        {
            _cumulativeMinutes[index + 1] = _cumulativeMinutes[index] + sorted[index].Minutes;
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

    public bool IsOnLeave(LocalDate date) => _leave.Any(leave => leave.Contains(date));

    /// <summary>Days from the start of training to the date (0 on the first day).</summary>
    public int DaysInTraining(LocalDate asOf) => Math.Max(0, Period.DaysBetween(TrainingStart, asOf));

    public LocalDate? MunicipalityRegisteredSince => Municipality.RegisteredEducationInstitutionSince;

    public bool MunicipalityIsRegisteredOn(LocalDate date) =>
        MunicipalityRegisteredSince is { } since && since <= date;

    private static VeilederFacts ToVeilederFacts(VeilederAssignment assignment, Dictionary<string, Veileder> veiledere, string municipalityId)
    {
        var veileder = veiledere.GetValueOrDefault(assignment.VeilederId);
        return new VeilederFacts(
            assignment.VeilederId,
            assignment.From,
            assignment.To,
            veileder?.SpecialistSince,
            veileder?.ExemptionUntil,
            veileder?.VeilederCourseCompletedOn,
            veileder?.WorkplaceMunicipalityId is null || string.Equals(veileder.WorkplaceMunicipalityId, municipalityId, StringComparison.Ordinal));
    }
}
