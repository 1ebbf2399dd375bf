using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Application.Tests.Digest;

/// <summary>Small hand-built records for digest tests: one municipality (3417), two veiledere, ALIS changed with `with`.</summary>
internal static class DigestFixtures
{
    public static readonly LocalDate AsOf = new(2026, 12, 7);

    public static readonly EmailRecipient Leader = new("leder-1", "Lise Leder", "lise.leder@asnes.example.no");

    public static readonly TrainingCatalog Catalog = new(
        [
            new LearningGoal("ALM-001", "ALM", "Sikre faglig forsvarlighet"),
            new LearningGoal("ALM-055", "ALM", null),
            new LearningGoal("ALM-085", "ALM", null),
            new LearningGoal("FKM-073", "FKM", null),
        ],
        [
            new ArenaType("open-general-practice", ArenaCategory.OpenGeneralPractice, "Fastlegekontor"),
            new ArenaType("institution", ArenaCategory.Institution, "Sykehus"),
        ]);

    public static readonly Municipality Municipality = new(
        "3417",
        "Åsnes kommune",
        new LocalDate(2019, 3, 1),
        [new Leader("leder-1", "Lise Leder", "lise.leder@asnes.example.no")],
        [
            new Arena("legesenter", "Legesenteret", "open-general-practice", ["ALM-001", "FKM-073"]),
            new Arena("sykehus", "Sykehuset", "institution", ["ALM-055", "ALM-085"]),
        ]);

    public static readonly IReadOnlyList<Veileder> Veiledere =
    [
        new Veileder("v-1", "Spesialist", new LocalDate(2010, 1, 1), null, new LocalDate(2015, 1, 1), "3417"),
        new Veileder("v-2", "Fritak", null, new LocalDate(2027, 3, 31), null, "3401"),
        new Veileder("v-3", "Ukjent arbeidssted", new LocalDate(2012, 1, 1), null, null, null),
    ];

    public static AlisRecord Alis(string id, LocalDate start, string name = "ALIS") => new(
        id, name, "leder-1", TrainingScheme.New, null, start, null,
        [
            new ServicePeriod($"{id}-sp1", "legesenter", start, start.PlusMonths(54).PlusDays(-1), 100),
            new ServicePeriod($"{id}-sp2", "sykehus", start.PlusMonths(54), start.PlusYears(5).PlusDays(-1), 100),
        ],
        [],
        [new VeilederAssignment($"{id}-va", "v-1", start, null)],
        [], [], [], [], [], [], null, [], null);

    /// <summary>One session on the 15th of each month in [from, to], all with the same length.</summary>
    public static IReadOnlyList<SupervisionSession> MonthlySessions(YearMonth from, YearMonth to, int minutes, string prefix = "s")
    {
        var sessions = new List<SupervisionSession>();
        for (var month = from; month <= to; month = month.PlusMonths(1))
        {
            sessions.Add(new SupervisionSession($"{prefix}-{month.Year}-{month.Month}", month.OnDayOfMonth(15), minutes, "v-1", [], true));
        }

        return sessions;
    }

    public static MunicipalityRecords Records(params AlisRecord[] alis) => new(Municipality, Veiledere, alis);

    public static Instant Oslo(int year, int month, int day, int hour = 12) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(OsloClock.Oslo).ToInstant();

    /// <summary>A realistic digest: two ALIS, one behind on supervision with a veileder elsewhere, one on the old scheme.</summary>
    public static DigestModel Model()
    {
        var kari = Alis("alis-01", new LocalDate(2024, 9, 1), "Kari <Nordmann>") with
        {
            SupervisionSessions = [.. MonthlySessions(new YearMonth(2025, 12), new YearMonth(2026, 4), 240), .. MonthlySessions(new YearMonth(2026, 8), new YearMonth(2026, 11), 150)],
            VeilederAssignments = [new VeilederAssignment("alis-01-va", "v-2", new LocalDate(2024, 9, 1), null)],
            Goals = [new GoalRecord("g-1", "ALM-001", GoalStatus.Approved, new LocalDate(2025, 5, 1), "leder-1", "legesenter", [])],
            PlanReviews = [new PlanReview("r-1", new LocalDate(2026, 8, 20))],
        };
        var ola = Alis("alis-02", new LocalDate(2022, 1, 10), "Ola Olsen") with
        {
            Scheme = TrainingScheme.Old,
            SupervisionSessions = MonthlySessions(new YearMonth(2025, 12), new YearMonth(2026, 11), 240, "o"),
        };
        return DigestBuilder.Build(
            Records(kari, ola),
            Catalog,
            [
                new DigestFinding("alis-01", "SUP-PACE", Severity.Warning, "Utdanningsår 3: 15 timer veiledning av 13,2 forventet så langt.", "Rundskriv I-2/2019 § 2", Oslo(2026, 11, 30)),
                new DigestFinding("alis-01", "VEI-QUALIFIED", Severity.Violation, "Veileder v-2 er ikke spesialist i allmennmedisin.", "Spesialistforskriften § 25", Oslo(2026, 10, 2)),
                new DigestFinding("alis-02", "DL-TRANSITION-2026", Severity.Warning, "ALIS er på gammel ordning, som må være fullført innen 31.12.2026: om 24 dager.", "Spesialistforskriften § 39 (overgangsregler)", Oslo(2026, 7, 2)),
            ],
            [
                new DigestChange("alis-01", "SUP-PACE", FindingTransitionKind.New, null, Severity.Warning, Oslo(2026, 12, 2)),
                new DigestChange("alis-02", "SUP-MINUTES", FindingTransitionKind.Resolved, Severity.Warning, null, Oslo(2026, 12, 4)),
            ],
            AsOf);
    }
}
