using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Tests.Facts;

/// <summary>Builds small, valid records for facts tests: one municipality, one ALIS, changed with `with`.</summary>
internal static class FactsBuilder
{
    public static readonly TrainingCatalog Catalog = new(
        [
            new LearningGoal("ALM-001", "ALM", "Sikre faglig forsvarlighet"),
            new LearningGoal("ALM-055", "ALM", null),
            new LearningGoal("ALM-085", "ALM", null),
            new LearningGoal("FKM-073", "FKM", null),
        ],
        [
            new ArenaType("open-general-practice", ArenaCategory.OpenGeneralPractice, "Fastlegekontor"),
            new ArenaType("nursing-home", ArenaCategory.OtherGeneralPractice, "Sykehjem"),
            new ArenaType("institution", ArenaCategory.Institution, "Sykehus"),
        ]);

    public static readonly Municipality Municipality = new(
        "3417",
        "Åsnes kommune",
        new LocalDate(2019, 3, 1),
        [new Leader("leder-1", "Leder", null)],
        [
            new Arena("legesenter", "Legesenteret", "open-general-practice", ["ALM-001", "FKM-073"]),
            new Arena("sykehjem", "Sykehjemmet", "nursing-home", ["ALM-001"]),
            new Arena("sykehus", "Sykehuset", "institution", ["ALM-055", "ALM-085"]),
        ]);

    public static readonly IReadOnlyList<Veileder> Veiledere =
    [
        new Veileder("v-1", "Spesialist", new LocalDate(2010, 1, 1), null, new LocalDate(2015, 1, 1), "3417"),
        new Veileder("v-2", "Fritak", null, new LocalDate(2026, 6, 30), null, "3401"),
    ];

    public static AlisRecord Alis(LocalDate start) => new(
        "alis-1", "ALIS", "leder-1", TrainingScheme.New, null, start, null,
        [], [], [], [], [], [], [], [], [], null, [], null);

    public static AlisFacts FactsOf(AlisRecord alis) =>
        AlisFacts.Create(new MunicipalityRecords(Municipality, Veiledere, [alis]), alis, Catalog);

    public static ServicePeriod Period(string arenaId, LocalDate from, LocalDate? to, int percent = 100, string? id = null) =>
        new(id ?? $"sp-{arenaId}-{from:yyyyMMdd}", arenaId, from, to, percent);

    public static SupervisionSession Session(LocalDate date, int minutes, string id, bool finalised = true) =>
        new(id, date, minutes, "v-1", [], finalised);

    /// <summary>One session on the 15th of each month in [from, to], all with the same length.</summary>
    public static IReadOnlyList<SupervisionSession> MonthlySessions(YearMonth from, YearMonth to, int minutes)
    {
        var sessions = new List<SupervisionSession>();
        for (var month = from; month <= to; month = month.PlusMonths(1))
        {
            sessions.Add(Session(month.OnDayOfMonth(15), minutes, $"s-{month.Year}-{month.Month}"));
        }

        return sessions;
    }
}
