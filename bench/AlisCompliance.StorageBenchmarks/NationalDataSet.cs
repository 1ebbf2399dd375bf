using System.Globalization;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// A synthetic national data set with a fixed seed: municipalities on the Åsnes arena table (ids prefixed), ALIS spread
/// evenly over them, each with five years of training: four service periods, one or two veiledere, weekly supervision
/// (about 250 sessions), two years of group supervision, learning goals, courses, procedures, consultations and
/// half-yearly plan reviews. The shapes follow samples/asnes/asnes.json; every file passes the records validation.
/// </summary>
internal sealed class NationalDataSet(IReadOnlyList<Arena> arenaTable, int seed)
{
    /// <summary>Names from the ALM 063 list in rules/catalog/goals.json: the records reader refuses any other.</summary>
    private static readonly string[] Alm063Procedures = ["Ryggundersøkelse", "Innleggelse av spiral", "Lungefunksjonstesting (spirometri)"];

    private static readonly LocalDate AsOf = new(2026, 11, 23);
    private static readonly int[] Minutes = [45, 60, 60, 60, 75, 90];

    private readonly Random random = new(seed);

    public IReadOnlyList<MunicipalityRecords> Generate(int municipalities, int alisCount, int sessionsPerAlis)
    {
        var result = new List<MunicipalityRecords>(municipalities);
        for (var index = 0; index < municipalities; index++)
        {
            var count = (alisCount / municipalities) + (index < alisCount % municipalities ? 1 : 0);
            result.Add(Municipality(index, count, sessionsPerAlis));
        }

        return result;
    }

    private MunicipalityRecords Municipality(int index, int alisCount, int sessionsPerAlis)
    {
        var code = (1001 + index).ToString("0000", CultureInfo.InvariantCulture);
        var arenas = arenaTable.Select(arena => arena with { Id = $"{code}-{arena.Id}", Name = $"{arena.Name} ({code})" }).ToList();
        var leaders = Enumerable.Range(1, 1 + random.Next(2)).Select(number => new Leader($"{code}-leder-{number}", $"Leder {number} {code}", $"leder{number}.{code}@example.no")).ToList();
        var veiledere = Enumerable.Range(1, Math.Max(2, (alisCount / 2) + 1))
            .Select(number => new Veileder($"{code}-veileder-{number}", $"Veileder {number} {code}", new LocalDate(1995 + random.Next(25), 1 + random.Next(12), 1), null, new LocalDate(2019, 1 + random.Next(12), 1 + random.Next(28)), code))
            .ToList();
        var municipality = new Municipality(code, $"Kommune {code}", new LocalDate(2019, 3, 1), leaders, arenas);
        var alis = Enumerable.Range(1, alisCount).Select(number => Alis(code, number, arenas, leaders, veiledere, sessionsPerAlis)).ToList();
        return new MunicipalityRecords(municipality, veiledere, alis);
    }

    private AlisRecord Alis(string code, int number, List<Arena> arenas, List<Leader> leaders, List<Veileder> veiledere, int sessionsPerAlis)
    {
        var id = $"{code}-alis-{number:000}";
        var start = AsOf.PlusYears(-5).PlusDays(random.Next(60));
        var open = arenas.First(arena => string.Equals(arena.Type, "open-general-practice", StringComparison.Ordinal));
        var other = arenas.First(arena => string.Equals(arena.Type, "nursing-home", StringComparison.Ordinal));
        var hospital = arenas.First(arena => string.Equals(arena.Type, "institution", StringComparison.Ordinal));
        var periods = new List<ServicePeriod>
        {
            new($"{id}-tj-1", open.Id, start, start.PlusMonths(24).PlusDays(-1), 100),
            new($"{id}-tj-2", other.Id, start.PlusMonths(24), start.PlusMonths(36).PlusDays(-1), 100),
            new($"{id}-tj-3", hospital.Id, start.PlusMonths(36), start.PlusMonths(48).PlusDays(-1), 100),
            new($"{id}-tj-4", open.Id, start.PlusMonths(48), null, 100),
        };
        var first = veiledere[random.Next(veiledere.Count)];
        var second = veiledere[random.Next(veiledere.Count)];
        var change = start.PlusMonths(30);
        var assignments = first == second
            ? [new VeilederAssignment($"{id}-vtid-1", first.Id, start, null)]
            : new List<VeilederAssignment> { new($"{id}-vtid-1", first.Id, start, change.PlusDays(-1)), new($"{id}-vtid-2", second.Id, change, null) };
        var sessions = new List<SupervisionSession>(sessionsPerAlis);
        for (var index = 0; index < sessionsPerAlis; index++)
        {
            var date = start.PlusDays(7 + (index * 7) + random.Next(3));
            var veileder = date < change || first == second ? first.Id : second.Id;
            var arena = date < start.PlusMonths(24) || date >= start.PlusMonths(48) ? open : date < start.PlusMonths(36) ? other : hospital;
            var goals = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => arena.Goals[random.Next(arena.Goals.Count)]).Distinct(StringComparer.Ordinal).ToList();
            sessions.Add(new SupervisionSession($"{id}-vs-{index + 1:000}", date, Minutes[random.Next(Minutes.Length)], veileder, goals, date < AsOf.PlusDays(-14) || random.Next(2) == 0));
        }

        var groups = Enumerable.Range(0, 20).Select(index => new GroupSupervisionMeeting(
            $"{id}-grp-{index + 1:00}", new LocalDate(start.Year + 1 + (index / 10), 9, 10).PlusMonths(index % 10), 6.0m, 1 + (index / 10))).ToList();
        var approved = open.Goals.OrderBy(_ => random.Next()).Take(30 + random.Next(20)).ToList();
        var goalRecords = approved.Select((goal, index) => new GoalRecord(
            $"{id}-lm-{goal}", goal, index % 4 == 0 ? GoalStatus.InProgress : GoalStatus.Approved,
            index % 4 == 0 ? null : start.PlusDays(200 + (index * 30)), index % 4 == 0 ? null : leaders[0].Id, open.Id,
            [new Recommendation(RecommenderRole.Veileder, first.Id, start.PlusDays(190 + (index * 30))), new Recommendation(RecommenderRole.Supervisor, "sup-1", null)])).ToList();
        var courses = Enumerable.Range(1, 5).Select(index => new Course($"{id}-kurs-{index}", start.PlusMonths(index * 9), $"Emnekurs {index}", 20m)).ToList();
        var procedures = Enumerable.Range(1, 3).Select(index => new ProcedureRecord($"{id}-pros-{index}", Alm063Procedures[index - 1], start.PlusMonths(index * 5), "sup-1")).ToList();
        var consultations = Enumerable.Range(1, 3).Select(index => new JointConsultation($"{id}-fk-{index}", start.PlusMonths(index * 14), ConsultationPartner.Veileder, open.Id)).ToList();
        var reviews = Enumerable.Range(1, 10).Select(index => new PlanReview($"{id}-oppf-{index}", start.PlusMonths(index * 6))).Where(review => review.Date < AsOf).ToList();
        return new AlisRecord(
            id, $"ALIS {number} {code}", leaders[random.Next(leaders.Count)].Id, TrainingScheme.New, null, start, null,
            periods, [], assignments, sessions, groups, goalRecords, courses, procedures, consultations, start.PlusDays(40), reviews, start.PlusDays(-10));
    }
}
