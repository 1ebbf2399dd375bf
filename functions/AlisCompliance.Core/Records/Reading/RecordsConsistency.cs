using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Records.Reading;

/// <summary>
/// Checks what a single field cannot: ids unique, references resolve, codes exist in the catalog.
/// Runs only on a file whose fields all read cleanly.
/// </summary>
internal sealed class RecordsConsistency(TrainingCatalog catalog, ErrorCollector errors)
{
    public void Check(MunicipalityRecords records)
    {
        var municipality = records.Municipality;
        var leaderIds = Unique(municipality.Leaders, leader => leader.Id, "municipality.leaders");
        var arenaIds = Unique(municipality.Arenas, arena => arena.Id, "municipality.arenas");
        var veilederIds = Unique(records.Veiledere, veileder => veileder.Id, "veiledere");
        Unique(records.Alis, alis => alis.Id, "alis");

        for (var index = 0; index < municipality.Arenas.Count; index++)
        {
            var arena = municipality.Arenas[index];
            var path = $"municipality.arenas[{index}]";
            if (!catalog.ArenaTypes.ContainsKey(arena.Type))
            {
                errors.Add($"{path}.type", arena.Id, $"ukjent arenatype '{arena.Type}'; kjente typer: {string.Join(", ", catalog.ArenaTypes.Keys.Order(StringComparer.Ordinal))}");
            }

            CheckGoalCodes(arena.Goals, $"{path}.goals", arena.Id);
        }

        for (var index = 0; index < records.Alis.Count; index++)
        {
            CheckAlis(records.Alis[index], $"alis[{index}]", leaderIds, arenaIds, veilederIds);
        }
    }

    private void CheckAlis(AlisRecord alis, string path, HashSet<string> leaderIds, HashSet<string> arenaIds, HashSet<string> veilederIds)
    {
        Reference(leaderIds, alis.LeaderId, $"{path}.leaderId", alis.Id, "leder");

        // Ids are unique across all of one ALIS's records, so an id names one record without its kind.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Own(string id, string recordPath)
        {
            if (!ids.Add(id))
            {
                errors.Add($"{recordPath}.id", id, "id-en brukes av flere poster for samme ALIS");
            }
        }

        Each(alis.ServicePeriods, $"{path}.servicePeriods", (period, itemPath) =>
        {
            Own(period.Id, itemPath);
            Reference(arenaIds, period.ArenaId, $"{itemPath}.arenaId", period.Id, "læringsarena");
            if (period.From < alis.TrainingStart)
            {
                errors.Add($"{itemPath}.from", period.Id, $"tjenesten starter før utdanningsstart ({alis.TrainingStart:dd.MM.yyyy})");
            }
        });
        Each(alis.Leave, $"{path}.leave", (leave, itemPath) => Own(leave.Id, itemPath));
        Each(alis.VeilederAssignments, $"{path}.veilederAssignments", (assignment, itemPath) =>
        {
            Own(assignment.Id, itemPath);
            Reference(veilederIds, assignment.VeilederId, $"{itemPath}.veilederId", assignment.Id, "veileder");
        });
        Each(alis.SupervisionSessions, $"{path}.supervisionSessions", (session, itemPath) =>
        {
            Own(session.Id, itemPath);
            Reference(veilederIds, session.VeilederId, $"{itemPath}.veilederId", session.Id, "veileder");
            CheckGoalCodes(session.Goals, $"{itemPath}.goals", session.Id);
        });
        Each(alis.GroupSupervision, $"{path}.groupSupervision", (meeting, itemPath) => Own(meeting.Id, itemPath));
        var goalCodes = new HashSet<string>(StringComparer.Ordinal);
        Each(alis.Goals, $"{path}.goals", (goal, itemPath) =>
        {
            Own(goal.Id, itemPath);
            CheckGoalCodes([goal.Goal], $"{itemPath}.goal", goal.Id);
            if (!goalCodes.Add(goal.Goal))
            {
                errors.Add($"{itemPath}.goal", goal.Id, $"læringsmål {goal.Goal} er registrert mer enn én gang");
            }

            if (goal.ApprovedByLeaderId is not null)
            {
                Reference(leaderIds, goal.ApprovedByLeaderId, $"{itemPath}.approvedByLeaderId", goal.Id, "leder");
            }

            if (goal.ArenaId is not null)
            {
                Reference(arenaIds, goal.ArenaId, $"{itemPath}.arenaId", goal.Id, "læringsarena");
            }

            for (var index = 0; index < goal.Recommendations.Count; index++)
            {
                var recommendation = goal.Recommendations[index];
                if (recommendation.Role == RecommenderRole.Veileder)
                {
                    Reference(veilederIds, recommendation.PersonId, $"{itemPath}.recommendations[{index}].personId", goal.Id, "veileder");
                }
            }
        });
        Each(alis.Courses, $"{path}.courses", (course, itemPath) => Own(course.Id, itemPath));
        Each(alis.Procedures, $"{path}.procedures", (procedure, itemPath) =>
        {
            Own(procedure.Id, itemPath);
            CheckProcedureName(procedure, $"{itemPath}.procedure");
        });
        Each(alis.JointConsultations, $"{path}.jointConsultations", (consultation, itemPath) =>
        {
            Own(consultation.Id, itemPath);
            if (consultation.ArenaId is not null)
            {
                Reference(arenaIds, consultation.ArenaId, $"{itemPath}.arenaId", consultation.Id, "læringsarena");
            }
        });
        Each(alis.PlanReviews, $"{path}.planReviews", (review, itemPath) => Own(review.Id, itemPath));
        new RecordsPlausibility(errors).Check(alis, path);
    }

    private void CheckProcedureName(ProcedureRecord procedure, string path)
    {
        // The rule compares names trimmed and without case, so the reader accepts what the rule would count.
        var known = catalog.Procedures;
        var name = procedure.Procedure.Trim();
        if (known.Count == 0 || known.Any(candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var closest = known.MinBy(candidate => EditDistance.Between(name, candidate))!;
        errors.Add(path, procedure.Id, $"prosedyren '{procedure.Procedure}' står ikke i listen for ALM-063; mente du '{closest}'? Kjente prosedyrer: {string.Join(", ", known)}");
    }

    private HashSet<string> Unique<T>(IReadOnlyList<T> items, Func<T, string> id, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            var itemId = id(items[index]);
            if (!seen.Add(itemId))
            {
                errors.Add($"{path}[{index}].id", itemId, "id-en brukes flere ganger");
            }
        }

        return seen;
    }

    private static void Each<T>(IReadOnlyList<T> items, string path, Action<T, string> check)
    {
        for (var index = 0; index < items.Count; index++)
        {
            check(items[index], $"{path}[{index}]");
        }
    }

    private void Reference(HashSet<string> known, string id, string path, string recordId, string what)
    {
        if (!known.Contains(id))
        {
            errors.Add(path, recordId, $"{what} '{id}' finnes ikke i filen");
        }
    }

    private void CheckGoalCodes(IReadOnlyList<string> codes, string path, string recordId)
    {
        foreach (var code in codes.Where(code => !catalog.IsKnownGoal(code)))
        {
            errors.Add(path, recordId, $"ukjent læringsmål '{code}' (koder skrives som ALM-001 eller FKM-073)");
        }
    }
}
