using System.Globalization;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;
using NodaTime.Calendars;

namespace AlisCompliance.Application.Digest;

/// <summary>
/// Builds a municipality's weekly digest from its records, its open findings and this week's changes, as of an Oslo
/// date. Pure: the same inputs give the same digest. Every number comes from the facts, so the digest and the rules
/// never count differently.
/// </summary>
public static class DigestBuilder
{
    public static DigestModel Build(
        MunicipalityRecords records,
        TrainingCatalog catalog,
        IReadOnlyList<DigestFinding> openFindings,
        IReadOnlyList<DigestChange> changes,
        LocalDate asOf,
        DigestSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(openFindings);
        ArgumentNullException.ThrowIfNull(changes);
        settings ??= DigestSettings.Default;

        var names = records.Alis.ToDictionary(alis => alis.Id, alis => alis.Name, StringComparer.Ordinal);
        var findingsByAlis = openFindings.ToLookup(finding => finding.AlisId, StringComparer.Ordinal);
        var inTraining = records.Alis
            .Select(alis => (Record: alis, Facts: AlisFacts.Create(records, alis, catalog)))
            .Where(alis => alis.Facts.IsInTrainingOn(asOf))
            .OrderBy(alis => alis.Record.Id, StringComparer.Ordinal)
            .ToList();

        return new DigestModel(
            records.Municipality.Id,
            records.Municipality.Name,
            asOf,
            WeekYearRules.Iso.GetWeekYear(asOf),
            WeekYearRules.Iso.GetWeekOfWeekYear(asOf),
            OpenBySeverity(openFindings, names),
            ChangeLines(changes, names),
            [.. inTraining.Select(alis => Progress(alis.Record, alis.Facts, records, findingsByAlis[alis.Record.Id], asOf, settings))],
            Deadlines(inTraining.Select(alis => alis.Facts).ToList(), asOf, settings));
    }

    private static IReadOnlyList<DigestSeverityGroup> OpenBySeverity(IReadOnlyList<DigestFinding> findings, Dictionary<string, string> names) =>
    [
        .. findings
            .GroupBy(finding => finding.Severity)
            .OrderByDescending(group => group.Key)
            .Select(group => new DigestSeverityGroup(
                group.Key,
                [
                    .. group
                        .OrderBy(finding => finding.AlisId, StringComparer.Ordinal)
                        .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                        .Select(finding => new DigestFindingLine(
                            finding.AlisId,
                            names.GetValueOrDefault(finding.AlisId),
                            finding.RuleId,
                            finding.Severity,
                            finding.Message,
                            finding.LegalReference,
                            OsloDate(finding.FirstSeen))),
                ])),
    ];

    private static IReadOnlyList<DigestChangeLine> ChangeLines(IReadOnlyList<DigestChange> changes, Dictionary<string, string> names) =>
    [
        .. changes
            .OrderBy(change => change.At)
            .ThenBy(change => change.AlisId, StringComparer.Ordinal)
            .ThenBy(change => change.RuleId, StringComparer.Ordinal)
            .Select(change => new DigestChangeLine(
                change.AlisId,
                names.GetValueOrDefault(change.AlisId),
                change.RuleId,
                change.Kind,
                change.Before,
                change.After,
                OsloDate(change.At))),
    ];

    private static DigestAlisProgress Progress(
        AlisRecord alis,
        AlisFacts facts,
        MunicipalityRecords records,
        IEnumerable<DigestFinding> findings,
        LocalDate asOf,
        DigestSettings settings)
    {
        var open = findings.ToList();
        var year = facts.CurrentTrainingYear(asOf);
        var plannedEnd = facts.PlannedServiceEnd;
        var veileder = facts.VeilederOn(asOf);
        var lastSession = facts.Sessions.LastOrDefault(session => session.Date <= asOf);
        return new DigestAlisProgress(
            alis.Id,
            alis.Name,
            open.Count == 0 ? null : open.Max(finding => finding.Severity),
            open.Count,
            SupervisionByMonth(facts, asOf, settings.SupervisionMonths),
            settings.MonthlySupervisionHours,
            new DigestTrainingYear(year.Number, year.From, year.To, Round(year.SupervisionHours), year.ExpectedHours(settings.AnnualSupervisionHours)),
            new DigestServiceTime(
                Round(facts.CountableServiceYears(asOf, settings.MaxGeneralPracticeYears, settings.MaxOtherGeneralPracticeYears)),
                plannedEnd is { } end ? Round(facts.CountableServiceYears(end, settings.MaxGeneralPracticeYears, settings.MaxOtherGeneralPracticeYears)) : null,
                settings.RequiredServiceYears,
                plannedEnd,
                facts.DateServiceReaches(settings.RequiredServiceYears, settings.MaxGeneralPracticeYears, settings.MaxOtherGeneralPracticeYears)),
            facts.ApprovedGoalCount(asOf),
            facts.CatalogGoalCount,
            LongestGapInWindow(facts, asOf, settings.SupervisionMonths),
            lastSession?.Date,
            veileder?.Id,
            Workplace(veileder, records));
    }

    private static MonthlySupervision[] SupervisionByMonth(AlisFacts facts, LocalDate asOf, int months)
    {
        var current = new YearMonth(asOf.Year, asOf.Month);
        var result = new List<MonthlySupervision>(months);
        for (var back = months - 1; back >= 0; back--)
        {
            var month = current.PlusMonths(-back);
            var first = month.OnDayOfMonth(1);
            var last = month.OnDayOfMonth(CalendarSystem.Iso.GetDaysInMonth(month.Year, month.Month));
            var to = last < asOf ? last : asOf;
            result.Add(new MonthlySupervision(month, Round(facts.SupervisionHours(first, to)), facts.ActiveFraction(first, to) > 0));
        }

        return [.. result];
    }

    /// <summary>
    /// The longest stretch in days without a session within the chart's window (from its first day, or the supervision
    /// clock start if later, to asOf): irregular supervision shows here even when the hours add up.
    /// </summary>
    private static int? LongestGapInWindow(AlisFacts facts, LocalDate asOf, int months)
    {
        var windowStart = new YearMonth(asOf.Year, asOf.Month).PlusMonths(-(months - 1)).OnDayOfMonth(1);
        var previous = facts.SupervisionClockStart > windowStart ? facts.SupervisionClockStart : windowStart;
        if (previous > asOf)
        {
            return null;
        }

        var longest = 0;
        foreach (var session in facts.Sessions)
        {
            if (session.Date < previous || session.Date > asOf)
            {
                continue;
            }

            longest = Math.Max(longest, Period.DaysBetween(previous, session.Date));
            previous = session.Date;
        }

        return Math.Max(longest, Period.DaysBetween(previous, asOf));
    }

    private static VeilederWorkplace Workplace(VeilederFacts? veileder, MunicipalityRecords records)
    {
        if (veileder is null)
        {
            return VeilederWorkplace.NoVeileder;
        }

        // The facts count an unrecorded workplace as the ALIS's own (no finding without evidence); the digest says it
        // is unknown, so the leader can fill it in.
        var workplace = records.Veiledere.FirstOrDefault(candidate => string.Equals(candidate.Id, veileder.Id, StringComparison.Ordinal))?.WorkplaceMunicipalityId;
        return workplace switch
        {
            null => VeilederWorkplace.Unknown,
            _ when string.Equals(workplace, records.Municipality.Id, StringComparison.Ordinal) => VeilederWorkplace.SameMunicipality,
            _ => VeilederWorkplace.OtherMunicipality,
        };
    }

    private static DigestDeadline[] Deadlines(IReadOnlyList<AlisFacts> alis, LocalDate asOf, DigestSettings settings)
    {
        var horizon = asOf.PlusDays(settings.DeadlineHorizonDays);
        var deadlines = new List<DigestDeadline>();

        // The end of overgangsordningen comes first while it is ahead, whatever the horizon: missing it ends the training.
        var oldScheme = alis
            .Where(facts => facts.IsOnOldScheme || (facts.IsConverted && facts.ConversionDate > settings.ConversionDeadline))
            .Select(facts => facts.AlisId)
            .ToList();
        var transition = settings.TransitionDeadline;
        if (oldScheme.Count > 0 && transition >= asOf)
        {
            deadlines.Add(Deadline(transition, DigestDeadlineKind.TransitionScheme, oldScheme, asOf,
                "Overgangsordningen slutter: ALIS på gammel ordning må være ferdig spesialist"));
        }

        var others = new List<DigestDeadline>();
        foreach (var facts in alis)
        {
            if (facts.VeilederOn(asOf) is { ExemptionUntil: { } until } veileder && until >= asOf && until <= horizon)
            {
                others.Add(Deadline(until, DigestDeadlineKind.VeilederExemption, [facts.AlisId], asOf,
                    $"Fritaket for veileder {veileder.Id} går ut"));
            }

            var year = facts.CurrentTrainingYear(asOf);
            if (year.To <= horizon)
            {
                others.Add(Deadline(year.To, DigestDeadlineKind.TrainingYearEnd, [facts.AlisId], asOf, string.Create(CultureInfo.InvariantCulture,
                    $"Utdanningsår {year.Number} slutter: {NorwegianFormat.Number(year.SupervisionHours)} av {NorwegianFormat.Number(year.ExpectedHours(settings.AnnualSupervisionHours))} timer veiledning så langt")));
            }

            if (facts.LastPlanReview(asOf) is { } review && review.PlusMonths(settings.PlanReviewIntervalMonths) is var due && due <= horizon)
            {
                others.Add(Deadline(due < asOf ? asOf : due, DigestDeadlineKind.PlanReview, [facts.AlisId], asOf,
                    due < asOf ? $"Halvårlig oppfølgingsmøte er på overtid (forrige {NorwegianFormat.Date(review)})" : "Halvårlig oppfølgingsmøte"));
            }

            var completion = facts.DateServiceReaches(settings.RequiredServiceYears, settings.MaxGeneralPracticeYears, settings.MaxOtherGeneralPracticeYears);
            if (completion is { } done && done >= asOf && done <= horizon)
            {
                others.Add(Deadline(done, DigestDeadlineKind.ServiceCompletion, [facts.AlisId], asOf,
                    "Tjenestetiden er beregnet fullført: forbered søknad om spesialistgodkjenning"));
            }
            else if (facts.PlannedServiceEnd is { } end && end >= asOf && end <= horizon)
            {
                others.Add(Deadline(end, DigestDeadlineKind.PlannedServiceEnd, [facts.AlisId], asOf, "Planlagt slutt på tjenesten"));
            }
        }

        deadlines.AddRange(others
            .OrderBy(deadline => deadline.Date)
            .ThenBy(deadline => deadline.Kind)
            .ThenBy(deadline => deadline.AlisIds[0], StringComparer.Ordinal));
        return [.. deadlines];
    }

    private static DigestDeadline Deadline(LocalDate date, DigestDeadlineKind kind, IReadOnlyList<string> alisIds, LocalDate asOf, string description) =>
        new(date, kind, alisIds, Period.DaysBetween(asOf, date), description);

    private static LocalDate OsloDate(Instant instant) => instant.InZone(OsloClock.Oslo).Date;

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
