using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records;
using Bogus;
using NodaTime;
using static System.FormattableString;

namespace AlisCompliance.Benchmarks.Data;

/// <summary>
/// Synthetic municipalities of about 30 ALIS each, built on Åsnes kommune's real arena table, with training starts
/// spread over 2021–2026 (and a few old-scheme and converted ALIS from before 2019) so that the as-of date meets
/// every stage of training. A fixed seed makes every run produce the same records.
/// </summary>
/// <remarks>
/// Each ALIS has a five-year plan (open practice with out-of-hours duty beside it, other general practice, a hospital
/// period, part time 50–100 %, sometimes leave), one veileder (some change once), weekly supervision in about 10.5
/// months a year (≈ 45–50 sessions a year, ≈ 250 over five years), two years of group supervision, learning goals
/// with approvals and recommendations (20–100 for most, all 112 at the end), courses, the ALM 063 procedures, joint
/// consultations, an individual plan with half-yearly reviews and an ALIS agreement. A minority is made to break rules (too little supervision, no hospital period, a veileder
/// gap, a missing plan …), as real municipalities do.
/// </remarks>
internal sealed class SyntheticRecordsGenerator
{
    private static readonly string[] CourseTopics =
    [
        "Allmennmedisinske arbeidsmetoder og konsultasjonsteknikk",
        "Akuttmedisin i allmennpraksis",
        "Barn og unge",
        "Muskel- og skjelettlidelser",
        "Psykisk helse og rus",
        "Eldre og sykehjemsmedisin",
        "Kvinnehelse",
        "Kroniske sykdommer og multimorbiditet",
        "Samfunnsmedisin og trygdemedisin",
        "Infeksjonssykdommer",
        "Hjerte- og karsykdommer",
        "Palliasjon",
    ];

    private static readonly string[] RequiredProcedures =
    [
        "Ryggundersøkelse",
        "Demensutredning med MMS og andre anbefalte tester",
        "Innleggelse av spiral",
        "Lungefunksjonstesting (spirometri)",
    ];

    private static readonly int[] SessionMinutes = [45, 50, 60, 60, 60, 75, 90, 120];

    private static readonly int[] PositionPercents = [100, 80, 60, 50];

    private static readonly float[] PositionWeights = [0.6f, 0.2f, 0.1f, 0.1f];

    private static readonly LocalDate NewSchemeFrom = new(2019, 3, 1);

    private readonly IReadOnlyList<Arena> arenaTable;
    private readonly TrainingCatalog catalog;
    private readonly GeneratorOptions options;
    private readonly Randomizer random;
    private readonly Faker faker;
    private readonly string[] goalCodes;

    private SyntheticRecordsGenerator(IReadOnlyList<Arena> arenaTable, TrainingCatalog catalog, GeneratorOptions options)
    {
        this.arenaTable = arenaTable;
        this.catalog = catalog;
        this.options = options;
        random = new Randomizer(options.Seed);
        faker = new Faker("nb_NO") { Random = random };
        goalCodes = [.. catalog.Goals.Select(goal => goal.Code)];
    }

    private LocalDate AsOf => options.AsOf;

    public static IReadOnlyList<MunicipalityRecords> Generate(IReadOnlyList<Arena> arenaTable, TrainingCatalog catalog, GeneratorOptions options)
    {
        if (options.AlisCount < 0 || options.AlisPerMunicipality < 1)
        {
            throw new ArgumentException("Needs AlisCount ≥ 0 and AlisPerMunicipality ≥ 1.", nameof(options));
        }

        return new SyntheticRecordsGenerator(arenaTable, catalog, options).Generate();
    }

    private List<MunicipalityRecords> Generate()
    {
        var municipalities = new List<MunicipalityRecords>();
        var remaining = options.AlisCount;
        for (var index = 0; remaining > 0; index++)
        {
            var count = Math.Min(remaining, options.AlisPerMunicipality);
            municipalities.Add(CreateMunicipality(index, count));
            remaining -= count;
        }

        return municipalities;
    }

    private MunicipalityRecords CreateMunicipality(int index, int alisCount)
    {
        var code = (1001 + index).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        var place = faker.Address.City();
        var arenas = CreateArenas(code, place);
        var leaders = Enumerable.Range(1, random.Int(1, 3))
            .Select(number => CreateLeader(code, number))
            .ToArray();
        var registered = random.Double() switch
        {
            < 0.03 => (LocalDate?)null,
            < 0.10 => NewSchemeFrom.PlusDays(random.Int(0, 5 * 365)),
            _ => NewSchemeFrom,
        };
        var municipality = new Municipality(code, place + " kommune", registered, leaders, arenas);
        var veiledere = Enumerable.Range(1, Math.Max(4, (alisCount / 2) + 2))
            .Select(number => CreateVeileder(code, number))
            .ToArray();

        var context = new MunicipalityContext(
            municipality,
            veiledere,
            [.. arenas.Where(arena => CategoryOf(arena) == ArenaCategory.OpenGeneralPractice)],
            [.. arenas.Where(arena => CategoryOf(arena) == ArenaCategory.OtherGeneralPractice)],
            arenas.First(arena => CategoryOf(arena) == ArenaCategory.Institution));
        var alis = Enumerable.Range(1, alisCount).Select(number => CreateAlis(context, number)).ToArray();
        return new MunicipalityRecords(municipality, veiledere, alis);
    }

    /// <summary>The Åsnes arena table under this municipality's ids, plus a second GP office with the same goals.</summary>
    private Arena[] CreateArenas(string code, string place)
    {
        var arenas = arenaTable
            .Select(arena => arena with
            {
                Id = Invariant($"{code}-{arena.Id}"),
                Name = arena.Name.Replace("Åsnes", place, StringComparison.Ordinal),
            })
            .ToList();
        var office = arenas.First(arena => CategoryOf(arena) == ArenaCategory.OpenGeneralPractice);
        arenas.Add(office with { Id = Invariant($"{code}-legekontor-sentrum"), Name = place + " legekontor sentrum" });
        return [.. arenas];
    }

    private Leader CreateLeader(string code, int number)
    {
        var name = faker.Name.FullName();
        return new Leader(Invariant($"{code}-leder-{number}"), name, Invariant($"leder{number}.{code}@example.no"));
    }

    private Veileder CreateVeileder(string code, int number)
    {
        var name = faker.Name.FullName();
        var specialist = random.Bool(0.85f);
        LocalDate? specialistSince = specialist ? new LocalDate(1990, 1, 1).PlusDays(random.Int(0, 33 * 365)) : null;
        LocalDate? exemptionUntil = specialist ? null : AsOf.PlusDays(random.Int(-120, 900));
        LocalDate? course = random.Bool(0.88f) ? new LocalDate(2019, 1, 1).PlusDays(random.Int(0, 7 * 365)) : null;
        var workplace = random.Double() switch
        {
            < 0.02 => null,
            < 0.08 => "nabokommune",
            _ => code,
        };
        return new Veileder(Invariant($"{code}-veileder-{number}"), name, specialistSince, exemptionUntil, course, workplace);
    }

    private AlisRecord CreateAlis(MunicipalityContext municipality, int number)
    {
        var id = Invariant($"{municipality.Code}-alis-{number:000}");
        var name = faker.Name.FullName();
        var leaderId = Pick(municipality.Municipality.Leaders).Id;
        var (scheme, start, conversion) = ChooseScheme();
        var percent = random.WeightedRandom(PositionPercents, PositionWeights);
        var leave = CreateLeave(id, start);
        var periods = CreatePlan(id, municipality, start, percent, leave);
        var plannedEnd = periods.Any(period => period.To is null) ? start.PlusYears(6) : periods.Max(period => period.To!.Value);
        LocalDate? approvedOn = plannedEnd < AsOf.PlusDays(-30) && random.Bool(0.85f) ? Min(plannedEnd.PlusDays(random.Int(1, 90)), AsOf) : null;
        var trainingEnd = approvedOn?.PlusDays(-1) ?? plannedEnd;

        // What exists on the as-of date: the history up to then and, for the plan only, the periods after it.
        var historyEnd = options.FullHistory ? trainingEnd : Min(AsOf, trainingEnd);
        var timeline = new Timeline(start, historyEnd, periods, leave);

        var assignments = CreateVeilederAssignments(id, municipality, timeline);
        var sessions = CreateSessions(id, municipality, timeline, assignments);
        var goals = CreateGoals(id, timeline, assignments, leaderId, municipality.Code);
        var plan = CreatePlan(id, timeline);

        return new AlisRecord(
            id,
            name,
            leaderId,
            scheme,
            conversion,
            start,
            approvedOn,
            periods,
            leave,
            assignments,
            sessions,
            CreateGroupSupervision(id, timeline),
            goals,
            CreateCourses(id, timeline),
            CreateProcedures(id, timeline, municipality.Code),
            CreateJointConsultations(id, timeline),
            plan.CreatedOn,
            plan.Reviews,
            random.Bool(0.97f) ? start.PlusDays(random.Int(-60, 10)) : null);
    }

    private (TrainingScheme Scheme, LocalDate Start, LocalDate? Conversion) ChooseScheme()
    {
        var draw = random.Double();
        if (draw < 0.04)
        {
            // Old scheme (overgangsordningen): started before 1 March 2019, must finish by 31.12.2026.
            return (TrainingScheme.Old, FirstOfMonthMostly(new LocalDate(2016, 9, 1).PlusDays(random.Int(0, 900))), null);
        }

        if (draw < 0.08)
        {
            var start = FirstOfMonthMostly(new LocalDate(2017, 1, 1).PlusDays(random.Int(0, 780)));

            // One in ten converted after the 31.12.2023 deadline.
            var conversion = random.Bool(0.9f)
                ? new LocalDate(2019, 3, 1).PlusDays(random.Int(0, 1765))
                : new LocalDate(2024, 1, 1).PlusDays(random.Int(0, 180));
            return (TrainingScheme.Converted, start, conversion);
        }

        // New scheme, starting any day from 2021 to a few months after the as-of date (those are not in training yet).
        var first = new LocalDate(2021, 1, 1);
        var span = Period.DaysBetween(first, AsOf.PlusDays(60));
        return (TrainingScheme.New, FirstOfMonthMostly(first.PlusDays(random.Int(0, span))), null);
    }

    private LeaveSlots CreateLeaveSlots(LocalDate start) => new(
        random.Bool(0.25f) ? FirstOfMonth(start.PlusDays(random.Int(180, 1400))) : null,
        random.Int(3, 12),
        random.Bool(0.1f) ? start.PlusDays(random.Int(60, 1700)) : null,
        random.Int(14, 42));

    private LeavePeriod[] CreateLeave(string id, LocalDate start)
    {
        var slots = CreateLeaveSlots(start);
        var leave = new List<LeavePeriod>();
        if (slots.ParentalFrom is { } parental)
        {
            leave.Add(new LeavePeriod(id + "-perm-1", parental, parental.PlusMonths(slots.ParentalMonths).PlusDays(-1), "Foreldrepermisjon"));
        }

        if (slots.ShortFrom is { } from)
        {
            leave.Add(new LeavePeriod(id + "-perm-2", from, from.PlusDays(slots.ShortDays - 1), "Sykmelding"));
        }

        return [.. leave.Where(period => options.FullHistory || period.From <= AsOf)];
    }

    /// <summary>
    /// Blocks as in the Åsnes plans: open practice first; a hospital period (a few plans lack one) and sometimes other
    /// general practice (full time, or half beside the GP office); then open practice until five full-time years,
    /// leave added on. Most plans have 20 % out-of-hours duty (legevakt) beside the GP office, as concurrent periods.
    /// Some plans run until further notice, a few fall short.
    /// </summary>
    private ServicePeriod[] CreatePlan(string id, MunicipalityContext municipality, LocalDate start, int percent, LeavePeriod[] leave)
    {
        var office = random.ArrayElement(municipality.OpenPractice);
        var outOfHours = municipality.OtherGeneralPractice.FirstOrDefault(arena => string.Equals(arena.Type, "out-of-hours", StringComparison.Ordinal))
            ?? municipality.OtherGeneralPractice[0];
        var withOutOfHours = random.Bool(0.8f) && percent >= 70;
        var outOfHoursFirst = withOutOfHours && random.Bool(0.3f);
        (Arena Arena, int Percent)[] GeneralPractice(bool outOfHoursDuty) =>
            outOfHoursDuty ? [(office, percent - 20), (outOfHours, 20)] : [(office, percent)];

        var blocks = new List<(int Months, (Arena Arena, int Percent)[] Parts)> { (random.Int(12, 40), GeneralPractice(outOfHoursFirst)) };
        var middle = new List<(int Months, (Arena Arena, int Percent)[] Parts)>();
        if (random.Bool(0.92f))
        {
            middle.Add((random.Int(6, 12), [(municipality.Institution, 100)]));
        }

        if (random.Bool(0.25f))
        {
            var other = random.ArrayElement(municipality.OtherGeneralPractice);
            middle.Add((6, random.Bool(0.5f) ? [(office, 50), (other, 50)] : [(other, 100)]));
        }

        if (middle.Count == 2 && random.Bool(0.5f))
        {
            middle.Reverse();
        }

        blocks.AddRange(middle);
        var fteMonths = blocks.Sum(block => block.Months * block.Parts.Sum(part => part.Percent) / 100.0);
        var leaveMonths = leave.Sum(period => Period.DaysBetween(period.From, period.To) + 1) / 30.44;
        var targetMonths = random.Bool(0.04f) ? random.Double(48, 57) : 60.5;
        var remaining = Math.Max(6, targetMonths - fteMonths);
        blocks.Add(((int)Math.Ceiling((remaining * 100 / percent) + leaveMonths), GeneralPractice(withOutOfHours)));

        var openEnded = random.Bool(0.08f);
        var periods = new List<ServicePeriod>();
        var from = start;
        for (var index = 0; index < blocks.Count; index++)
        {
            var (months, parts) = blocks[index];
            var to = from.PlusMonths(months).PlusDays(-1);
            LocalDate? end = openEnded && index == blocks.Count - 1 ? null : to;
            foreach (var (arena, position) in parts)
            {
                periods.Add(new ServicePeriod(Invariant($"{id}-tj-{periods.Count + 1}"), arena.Id, from, end, position));
            }

            from = to.PlusDays(1);
        }

        return [.. periods];
    }

    private VeilederAssignment[] CreateVeilederAssignments(string id, MunicipalityContext municipality, Timeline timeline)
    {
        var first = Pick(municipality.Veiledere);

        // A few start without a veileder for some weeks: a gap from the first day.
        var firstFrom = random.Bool(0.04f) ? timeline.Start.PlusDays(random.Int(20, 75)) : timeline.Start;
        var changes = random.Bool(0.3f);
        var latestChange = timeline.End.PlusDays(-30);
        if (!changes || latestChange <= timeline.Start.PlusDays(180))
        {
            return [new VeilederAssignment(id + "-vtid-1", first.Id, firstFrom, null)];
        }

        var change = timeline.Start.PlusDays(random.Int(180, Period.DaysBetween(timeline.Start, latestChange)));
        var second = Pick(municipality.Veiledere);
        while (second == first)
        {
            second = Pick(municipality.Veiledere);
        }

        var secondFrom = random.Double() switch
        {
            < 0.03 => change.PlusDays(-random.Int(10, 40)), // overlap
            < 0.06 => change.PlusDays(random.Int(15, 60)), // gap
            _ => change,
        };
        return
        [
            new VeilederAssignment(id + "-vtid-1", first.Id, firstFrom, change.PlusDays(-1)),
            new VeilederAssignment(id + "-vtid-2", second.Id, secondFrom, null),
        ];
    }

    /// <summary>
    /// A session on the ALIS's regular weekday in most weeks, none in July or at Christmas or on leave, fewer during
    /// the hospital period; a minority supervised too seldom. Goals discussed come from the current arena's list.
    /// </summary>
    private SupervisionSession[] CreateSessions(string id, MunicipalityContext municipality, Timeline timeline, VeilederAssignment[] assignments)
    {
        var sessions = new List<SupervisionSession>(64);
        var diligence = random.Bool(0.15f) ? random.Double(0.45, 0.7) : random.Double(0.86, 0.97);
        var pauseFrom = random.Bool(0.05f) ? timeline.Start.PlusDays(random.Int(60, 1600)) : LocalDate.MaxIsoValue;
        var pauseTo = pauseFrom == LocalDate.MaxIsoValue ? pauseFrom : pauseFrom.PlusDays(random.Int(60, 120));
        var weekday = (IsoDayOfWeek)random.Int(1, 5);
        var arenaGoals = municipality.Municipality.Arenas.ToDictionary(arena => arena.Id, arena => arena.Goals.ToArray(), StringComparer.Ordinal);
        var dueReferat = AsOf.PlusDays(-14);

        // Most veiledere finalise every referat within a fortnight; some leave a few behind.
        var referatRate = random.Bool(0.15f) ? 0.97f : 0.9995f;

        for (var week = timeline.Start.PlusDays(7).Next(weekday); week <= timeline.End; week = week.PlusWeeks(1))
        {
            if (IsHoliday(week) || timeline.IsOnLeave(week) || (week >= pauseFrom && week <= pauseTo))
            {
                continue;
            }

            var period = timeline.PeriodOn(week);
            var inHospital = period is not null && string.Equals(period.ArenaId, municipality.Institution.Id, StringComparison.Ordinal);
            if (!random.Bool((float)(inHospital ? 0.75 * diligence : diligence)))
            {
                continue;
            }

            var extra = random.Bool(0.06f) && week.PlusDays(2) <= timeline.End;
            foreach (var date in extra ? [week, week.PlusDays(2)] : new[] { week })
            {
                var goals = period is not null && arenaGoals.TryGetValue(period.ArenaId, out var offered)
                    ? PickSome(offered, random.Int(1, 3))
                    : [];
                var finalised = date > dueReferat ? random.Bool(0.5f) : random.Bool(referatRate);
                sessions.Add(new SupervisionSession(
                    Invariant($"{id}-vs-{sessions.Count + 1:000}"),
                    date,
                    random.ArrayElement(SessionMinutes),
                    VeilederOn(assignments, date),
                    goals,
                    finalised));
            }
        }

        return [.. sessions];
    }

    /// <summary>Group year 1 from an autumn early in training, year 2 straight after: ten monthly meetings of six hours.</summary>
    private GroupSupervisionMeeting[] CreateGroupSupervision(string id, Timeline timeline)
    {
        if (!random.Bool(0.9f))
        {
            return [];
        }

        var joins = timeline.Start.PlusDays(random.Int(90, 450));
        var first = new LocalDate(joins.Month >= 9 ? joins.Year + 1 : joins.Year, 9, random.Int(5, 15));
        var meetings = new List<GroupSupervisionMeeting>();
        for (var groupYear = 1; groupYear <= 2; groupYear++)
        {
            var count = random.Bool(0.1f) ? random.Int(6, 9) : 10;
            var month = first.PlusYears(groupYear - 1);
            for (var held = 0; held < count; month = month.PlusMonths(1))
            {
                if (month.Month == 7)
                {
                    continue;
                }

                held++;
                if (month <= timeline.End)
                {
                    meetings.Add(new GroupSupervisionMeeting(Invariant($"{id}-grp-{groupYear}-{held:00}"), month, 6.0m, groupYear));
                }
            }
        }

        return [.. meetings];
    }

    /// <summary>
    /// Every catalog goal gets an approval date over the plan, weighted toward the end (most goals are approved late;
    /// one ALIS in ten lags further). What the records hold is the goals approved by the history's end and those
    /// begun by then, at least 20: 20–100 goals for most, all of them at the end of training.
    /// </summary>
    private GoalRecord[] CreateGoals(string id, Timeline timeline, VeilederAssignment[] assignments, string leaderId, string code)
    {
        var codes = random.Shuffle(goalCodes).ToArray();
        var span = Period.DaysBetween(timeline.Start, timeline.PlannedEnd);
        var lag = random.Bool(0.1f) ? 4.0 : 2.0;
        var sloppy = random.Bool(0.12f);
        var goals = new List<GoalRecord>(codes.Length);
        foreach (var goal in codes)
        {
            var approvedOn = timeline.Start.PlusDays(60 + (int)(span * Math.Pow(random.Double(), 1 / lag)));
            var begun = approvedOn.PlusDays(-random.Int(60, 365));
            var goalId = Invariant($"{id}-lm-{goal}");
            if (approvedOn > timeline.End)
            {
                if (begun <= timeline.End || goals.Count < 20)
                {
                    goals.Add(new GoalRecord(goalId, goal, GoalStatus.InProgress, null, null, null, []));
                }

                continue;
            }

            var recommendations = new List<Recommendation>(3);
            if (random.Bool(sloppy ? 0.95f : 0.999f))
            {
                recommendations.Add(new Recommendation(RecommenderRole.Supervisor, Invariant($"sup-{code}-{random.Int(1, 12)}"), approvedOn.PlusDays(-random.Int(5, 40))));
            }

            if (random.Bool(0.2f))
            {
                recommendations.Add(new Recommendation(RecommenderRole.Supervisor, Invariant($"sup-{code}-{random.Int(13, 20)}"), approvedOn.PlusDays(-random.Int(5, 40))));
            }

            if (random.Bool(sloppy ? 0.95f : 0.999f))
            {
                recommendations.Add(new Recommendation(RecommenderRole.Veileder, VeilederOn(assignments, approvedOn), approvedOn.PlusDays(-random.Int(1, 20))));
            }

            goals.Add(new GoalRecord(
                goalId,
                goal,
                GoalStatus.Approved,
                approvedOn,
                random.Bool(sloppy ? 0.97f : 0.9995f) ? leaderId : null,
                timeline.PeriodOn(approvedOn)?.ArenaId,
                recommendations));
        }

        return [.. goals];
    }

    private Course[] CreateCourses(string id, Timeline timeline)
    {
        var count = random.Int(6, 9);
        var topics = random.Shuffle(CourseTopics).Take(count).ToArray();
        var span = Period.DaysBetween(timeline.Start, timeline.PlannedEnd);
        var courses = new List<Course>(count);
        for (var index = 0; index < count; index++)
        {
            var date = timeline.Start.PlusDays((int)(span * (index + random.Double()) / count));
            if (date <= timeline.End)
            {
                // Now and then a second course in a topic already taken, so distinct topics stay below the count.
                var topic = random.Bool(0.08f) && index > 0 ? topics[index - 1] : topics[index];
                courses.Add(new Course(Invariant($"{id}-kurs-{index + 1}"), date, topic, random.Int(15, 30)));
            }
        }

        return [.. courses];
    }

    private ProcedureRecord[] CreateProcedures(string id, Timeline timeline, string code)
    {
        var procedures = new List<ProcedureRecord>(RequiredProcedures.Length);
        for (var index = 0; index < RequiredProcedures.Length; index++)
        {
            var date = timeline.Start.PlusDays(random.Int(60, 1700));
            var signed = random.Bool(0.96f) ? Invariant($"sup-{code}-{random.Int(1, 12)}") : null;
            if (random.Bool(0.93f) && date <= timeline.End)
            {
                procedures.Add(new ProcedureRecord(Invariant($"{id}-pros-{index + 1}"), RequiredProcedures[index], date, signed));
            }
        }

        return [.. procedures];
    }

    private JointConsultation[] CreateJointConsultations(string id, Timeline timeline)
    {
        // The first with the veileder in the first months of open practice, the rest spread over the training.
        var count = random.Bool(0.06f) ? 0 : random.Int(1, 6);
        var consultations = new List<JointConsultation>(count);
        for (var index = 0; index < count; index++)
        {
            var date = timeline.Start.PlusDays(index == 0 ? random.Int(30, 300) : random.Int(30, 1800));
            var with = index == 0 || random.Bool(0.5f) ? ConsultationPartner.Veileder : ConsultationPartner.Supervisor;
            if (date <= timeline.End)
            {
                consultations.Add(new JointConsultation(Invariant($"{id}-fk-{index + 1}"), date, with, timeline.PeriodOn(date)?.ArenaId));
            }
        }

        return [.. consultations];
    }

    /// <summary>The individual plan soon after the start (a few late or missing) and reviews about every six months.</summary>
    private (LocalDate? CreatedOn, PlanReview[] Reviews) CreatePlan(string id, Timeline timeline)
    {
        var draw = random.Double();
        LocalDate? created = draw switch
        {
            < 0.03 => null,
            < 0.07 => timeline.Start.PlusDays(random.Int(120, 200)),
            _ => timeline.Start.PlusDays(random.Int(10, 100)),
        };
        if (created is not { } first || first > timeline.End)
        {
            return (null, []);
        }

        var skipsOne = random.Bool(0.1f);
        var reviews = new List<PlanReview>(12);
        for (var date = first.PlusDays(random.Int(150, 200)); date <= timeline.End; date = date.PlusDays(random.Int(150, 200)))
        {
            if (skipsOne && reviews.Count == 3)
            {
                skipsOne = false;
                continue;
            }

            reviews.Add(new PlanReview(Invariant($"{id}-oppf-{reviews.Count + 1}"), date));
        }

        return (first, [.. reviews]);
    }

    private static string VeilederOn(VeilederAssignment[] assignments, LocalDate date)
    {
        for (var index = assignments.Length - 1; index >= 0; index--)
        {
            var assignment = assignments[index];
            if (assignment.From <= date && (assignment.To is null || date <= assignment.To.Value))
            {
                return assignment.VeilederId;
            }
        }

        return assignments[0].VeilederId;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Int(0, items.Count - 1)];

    /// <summary>One to a few distinct items, without shuffling the whole array as Bogus's ArrayElements does.</summary>
    private string[] PickSome(string[] items, int count)
    {
        count = Math.Min(count, items.Length);
        var picked = new string[count];
        for (var index = 0; index < count; index++)
        {
            string item;
            do
            {
                item = items[random.Int(0, items.Length - 1)];
            }
            while (Array.IndexOf(picked, item, 0, index) >= 0);
            picked[index] = item;
        }

        return picked;
    }

    private static bool IsHoliday(LocalDate date) =>
        date.Month == 7 || (date.Month == 12 && date.Day >= 20) || (date.Month == 1 && date.Day <= 3);

    private ArenaCategory CategoryOf(Arena arena) =>
        catalog.ArenaTypes.TryGetValue(arena.Type, out var type) ? type.Category : ArenaCategory.OtherGeneralPractice;

    private LocalDate FirstOfMonthMostly(LocalDate date) => random.Bool(0.8f) ? FirstOfMonth(date) : date;

    private static LocalDate FirstOfMonth(LocalDate date) => new(date.Year, date.Month, 1);

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private sealed record LeaveSlots(LocalDate? ParentalFrom, int ParentalMonths, LocalDate? ShortFrom, int ShortDays);

    /// <summary>One ALIS's training as the generator walks it: the first and last day with records, the plan, the leave.</summary>
    private sealed class Timeline(LocalDate start, LocalDate end, ServicePeriod[] periods, LeavePeriod[] leave)
    {
        public LocalDate Start { get; } = start;

        /// <summary>The last day anything (other than the plan) is recorded for.</summary>
        public LocalDate End { get; } = end;

        public LocalDate PlannedEnd { get; } = periods.Any(period => period.To is null) ? start.PlusYears(5) : periods.Max(period => period.To!.Value);

        /// <summary>The main period on the date: the first listed, so the GP office rather than the out-of-hours duty beside it.</summary>
        public ServicePeriod? PeriodOn(LocalDate date)
        {
            for (var index = 0; index < periods.Length; index++)
            {
                var period = periods[index];
                if (period.From <= date && (period.To is null || date <= period.To.Value))
                {
                    return period;
                }
            }

            return null;
        }

        public bool IsOnLeave(LocalDate date)
        {
            foreach (var period in leave)
            {
                if (period.From <= date && date <= period.To)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
