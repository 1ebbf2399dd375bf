using System.Text;
using System.Text.Json;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using NodaTime;

namespace AlisCompliance.Core.Records.Reading;

/// <summary>
/// Turns the JSON of one records file into <see cref="MunicipalityRecords"/>, or lists every problem in it.
/// A file with any problem yields no records at all: nothing is evaluated or stored from a rejected file.
/// </summary>
public sealed class RecordsReader(TrainingCatalog catalog)
{
    /// <summary>Files above this size are refused before parsing.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    private static readonly Dictionary<string, TrainingScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["new"] = TrainingScheme.New,
        ["old"] = TrainingScheme.Old,
        ["converted"] = TrainingScheme.Converted,
    };

    private static readonly Dictionary<string, GoalStatus> GoalStatuses = new(StringComparer.Ordinal)
    {
        ["in-progress"] = GoalStatus.InProgress,
        ["approved"] = GoalStatus.Approved,
    };

    private static readonly Dictionary<string, RecommenderRole> RecommenderRoles = new(StringComparer.Ordinal)
    {
        ["veileder"] = RecommenderRole.Veileder,
        ["supervisor"] = RecommenderRole.Supervisor,
    };

    private static readonly Dictionary<string, ConsultationPartner> Partners = new(StringComparer.Ordinal)
    {
        ["veileder"] = ConsultationPartner.Veileder,
        ["supervisor"] = ConsultationPartner.Supervisor,
    };

    public RecordsReadResult Read(string source, string json)
    {
        var errors = new ErrorCollector(source);
        // The limit is in bytes of the file (UTF-8), as the loader measures it; æ, ø and å take two bytes each.
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > MaxFileBytes)
        {
            errors.Add(string.Empty, null, TooLarge("filen", size, MaxFileBytes));
            return new RecordsReadResult(null, errors.Errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = CharacterColumn(json, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
            errors.Add(string.Empty, null, $"ugyldig JSON på linje {line}, kolonne {column}: {FirstSentence(exception.Message)}");
            return new RecordsReadResult(null, errors.Errors);
        }

        using (document)
        {
            var records = ReadDocument(document.RootElement, errors);
            if (records is not null && errors.Errors.Count == 0)
            {
                new RecordsConsistency(catalog, errors).Check(records);
            }

            return errors.Errors.Count == 0
                ? new RecordsReadResult(records, [])
                : new RecordsReadResult(null, errors.Errors);
        }
    }

    /// <summary>In MB for people; the bytes too, as a file just over the limit shows the same MB as the limit.</summary>
    public static string TooLarge(string what, long bytes, long maxBytes) =>
        $"{what} er for stor: {NorwegianFormat.Megabytes(bytes)} ({NorwegianFormat.WholeNumber(bytes)} byte); grensen er {NorwegianFormat.Megabytes(maxBytes)} ({NorwegianFormat.WholeNumber(maxBytes)} byte)";

    private static MunicipalityRecords? ReadDocument(JsonElement root, ErrorCollector errors)
    {
        var reader = JsonObjectReader.Create(root, string.Empty, errors);
        if (reader is null)
        {
            return null;
        }

        var municipality = reader.Object("municipality", required: true, ReadMunicipality);
        var veiledere = reader.Objects("veiledere", ReadVeileder);
        var alis = reader.Objects("alis", ReadAlis);
        reader.RejectUnknownAndDuplicateFields();
        return municipality is null ? null : new MunicipalityRecords(municipality, veiledere, alis);
    }

    private static Municipality? ReadMunicipality(JsonObjectReader reader)
    {
        var id = reader.Id();
        var name = reader.String("name", required: true);
        var registered = reader.Date("registeredEducationInstitutionSince", required: false);
        var leaders = reader.Objects("leaders", leader =>
        {
            var leaderId = leader.Id();
            var leaderName = leader.String("name", required: true);
            var email = leader.String("email", required: false);
            return leaderId is null || leaderName is null ? null : new Leader(leaderId, leaderName, email);
        });
        var arenas = reader.Objects("arenas", arena =>
        {
            var arenaId = arena.Id();
            var arenaName = arena.String("name", required: true);
            var type = arena.String("type", required: true);
            var goals = arena.Strings("goals");
            return arenaId is null || arenaName is null || type is null ? null : new Arena(arenaId, arenaName, type, goals);
        });
        return id is null || name is null ? null : new Municipality(id, name, registered, leaders, arenas);
    }

    private static Veileder? ReadVeileder(JsonObjectReader reader)
    {
        var id = reader.Id();
        var name = reader.String("name", required: true);
        var specialistSince = reader.Date("specialistSince", required: false);
        var exemptionUntil = reader.Date("exemptionUntil", required: false);
        var course = reader.Date("veilederCourseCompletedOn", required: false);
        var workplace = reader.String("workplaceMunicipalityId", required: false);
        return id is null || name is null ? null : new Veileder(id, name, specialistSince, exemptionUntil, course, workplace);
    }

    private static AlisRecord? ReadAlis(JsonObjectReader reader)
    {
        var id = reader.Id();
        var name = reader.String("name", required: true);
        var leaderId = reader.String("leaderId", required: true);
        var scheme = reader.Enum("scheme", required: true, Schemes);
        var conversionDate = reader.Date("conversionDate", required: false);
        var trainingStart = reader.Date("trainingStart", required: true);
        var approvedOn = reader.Date("specialistApprovedOn", required: false);
        var servicePeriods = reader.Objects("servicePeriods", ReadServicePeriod);
        var leave = reader.Objects("leave", ReadLeave);
        var assignments = reader.Objects("veilederAssignments", ReadAssignment);
        var sessions = reader.Objects("supervisionSessions", ReadSession);
        var groups = reader.Objects("groupSupervision", ReadGroupMeeting);
        var goals = reader.Objects("goals", ReadGoal);
        var courses = reader.Objects("courses", ReadCourse);
        var procedures = reader.Objects("procedures", ReadProcedure);
        var consultations = reader.Objects("jointConsultations", ReadJointConsultation);
        var planCreated = reader.Date("individualPlanCreatedOn", required: false);
        var plannedThrough = reader.Date("plannedThrough", required: false);
        var reviews = reader.Objects("planReviews", review =>
        {
            var reviewId = review.Id();
            var date = review.Date("date", required: true);
            return reviewId is null || date is null ? null : new PlanReview(reviewId, date.Value);
        });
        var agreement = reader.Date("alisAgreementSignedOn", required: false);

        if (plannedThrough is { } through && trainingStart is { } start && through < start)
        {
            reader.Error("plannedThrough", $"planen slutter ({through:yyyy-MM-dd}) før utdanningsstart ({start:yyyy-MM-dd})");
        }

        if (scheme == TrainingScheme.Converted && conversionDate is null)
        {
            reader.Error("conversionDate", "mangler: en ALIS som har konvertert til ny ordning må ha konverteringsdato");
        }
        else if (scheme is not null and not TrainingScheme.Converted && conversionDate is not null)
        {
            reader.Error("conversionDate", "er bare gyldig når scheme er 'converted'");
        }

        return id is null || name is null || leaderId is null || scheme is null || trainingStart is null
            ? null
            : new AlisRecord(
                id, name, leaderId, scheme.Value, conversionDate, trainingStart.Value, approvedOn,
                servicePeriods, leave, assignments, sessions, groups, goals, courses, procedures, consultations,
                planCreated, reviews, agreement) { PlannedThrough = plannedThrough };
    }

    private static ServicePeriod? ReadServicePeriod(JsonObjectReader reader)
    {
        var id = reader.Id();
        var arenaId = reader.String("arenaId", required: true);
        var from = reader.Date("from", required: true);
        var to = reader.Date("to", required: false);
        var percent = reader.Int("positionPercent", required: true, min: 1, max: 100);
        CheckOrder(reader, from, to);
        return id is null || arenaId is null || from is null || percent is null
            ? null
            : new ServicePeriod(id, arenaId, from.Value, to, percent.Value);
    }

    private static LeavePeriod? ReadLeave(JsonObjectReader reader)
    {
        var id = reader.Id();
        var from = reader.Date("from", required: true);
        var to = reader.Date("to", required: true);
        var reason = reader.String("reason", required: false);
        CheckOrder(reader, from, to);
        return id is null || from is null || to is null ? null : new LeavePeriod(id, from.Value, to.Value, reason);
    }

    private static VeilederAssignment? ReadAssignment(JsonObjectReader reader)
    {
        var id = reader.Id();
        var veilederId = reader.String("veilederId", required: true);
        var from = reader.Date("from", required: true);
        var to = reader.Date("to", required: false);
        CheckOrder(reader, from, to);
        return id is null || veilederId is null || from is null ? null : new VeilederAssignment(id, veilederId, from.Value, to);
    }

    private static SupervisionSession? ReadSession(JsonObjectReader reader)
    {
        var id = reader.Id();
        var date = reader.Date("date", required: true);
        var minutes = reader.Int("minutes", required: true, min: 0, max: 24 * 60);
        var veilederId = reader.String("veilederId", required: true);
        var goals = reader.Strings("goals");
        var finalised = reader.Bool("referatFinalised", required: false) ?? false;
        return id is null || date is null || minutes is null || veilederId is null
            ? null
            : new SupervisionSession(id, date.Value, minutes.Value, veilederId, goals, finalised);
    }

    private static GroupSupervisionMeeting? ReadGroupMeeting(JsonObjectReader reader)
    {
        var id = reader.Id();
        var date = reader.Date("date", required: true);
        var hours = reader.Decimal("hours", required: true, min: 0m, max: 24m);
        var year = reader.Int("groupYear", required: true, min: 1, max: 2);
        return id is null || date is null || hours is null || year is null
            ? null
            : new GroupSupervisionMeeting(id, date.Value, hours.Value, year.Value);
    }

    private static GoalRecord? ReadGoal(JsonObjectReader reader)
    {
        var id = reader.Id();
        var goal = reader.String("goal", required: true);
        var status = reader.Enum("status", required: true, GoalStatuses);
        var approvedOn = reader.Date("approvedOn", required: status == GoalStatus.Approved);
        var leaderId = reader.String("approvedByLeaderId", required: false);
        var arenaId = reader.String("arenaId", required: false);
        var recommendations = reader.Objects("recommendations", recommendation =>
        {
            var role = recommendation.Enum("role", required: true, RecommenderRoles);
            var personId = recommendation.String("personId", required: true);
            var date = recommendation.Date("date", required: false);
            return role is null || personId is null ? null : new Recommendation(role.Value, personId, date);
        });
        return id is null || goal is null || status is null
            ? null
            : new GoalRecord(id, goal, status.Value, approvedOn, leaderId, arenaId, recommendations);
    }

    private static Course? ReadCourse(JsonObjectReader reader)
    {
        var id = reader.Id();
        var date = reader.Date("date", required: true);
        var topic = reader.String("topic", required: true);
        var hours = reader.Decimal("hours", required: false, min: 0m, max: 1000m);
        return id is null || date is null || topic is null ? null : new Course(id, date.Value, topic, hours);
    }

    private static ProcedureRecord? ReadProcedure(JsonObjectReader reader)
    {
        var id = reader.Id();
        var procedure = reader.String("procedure", required: true);
        var date = reader.Date("date", required: true);
        var signedBy = reader.String("signedBySupervisor", required: false);
        return id is null || procedure is null || date is null ? null : new ProcedureRecord(id, procedure, date.Value, signedBy);
    }

    private static JointConsultation? ReadJointConsultation(JsonObjectReader reader)
    {
        var id = reader.Id();
        var date = reader.Date("date", required: true);
        var with = reader.Enum("with", required: true, Partners);
        var arenaId = reader.String("arenaId", required: false);
        return id is null || date is null || with is null ? null : new JointConsultation(id, date.Value, with.Value, arenaId);
    }

    private static void CheckOrder(JsonObjectReader reader, LocalDate? from, LocalDate? to)
    {
        if (from is not null && to is not null && to.Value < from.Value)
        {
            reader.Error("to", $"slutter ({to.Value:yyyy-MM-dd}) før den starter ({from.Value:yyyy-MM-dd})");
        }
    }

    /// <summary>
    /// The parser counts the position in a line in UTF-8 bytes; an editor counts characters, and æ, ø and å
    /// take two bytes each. Returns the 1-based column an editor shows.
    /// </summary>
    private static long CharacterColumn(string json, long line, long bytePosition)
    {
        var start = 0;
        for (var skipped = 0L; skipped < line; skipped++)
        {
            var newline = json.IndexOf('\n', start);
            if (newline < 0)
            {
                return bytePosition + 1;
            }

            start = newline + 1;
        }

        var end = json.IndexOf('\n', start);
        var bytes = Encoding.UTF8.GetBytes(end < 0 ? json[start..] : json[start..end]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
