using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlisCompliance.Core.Records;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Writes records in the records-file format (the one <c>RecordsReader</c> reads): compact JSON, camelCase fields,
/// ISO dates, optional fields left out when empty. Used for the JSON of each stored row and for whole documents, so
/// what is stored reads back through the same validation as a file.
/// </summary>
public static class RecordsJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>A whole records file for the municipality, its veiledere and its ALIS.</summary>
    public static string Document(MunicipalityRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("municipality");
            WriteMunicipality(writer, records.Municipality, withLists: true);
            writer.WriteStartArray("veiledere");
            foreach (var veileder in records.Veiledere)
            {
                WriteVeileder(writer, veileder);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("alis");
            foreach (var alis in records.Alis)
            {
                WriteAlis(writer, alis, withLists: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>The municipality's own fields, without its leaders and arenas.</summary>
    public static string Municipality(Municipality municipality) => Write(writer => WriteMunicipality(writer, municipality, withLists: false));

    public static string Leader(Leader leader) => Write(writer => WriteLeader(writer, leader));

    public static string Arena(Arena arena) => Write(writer => WriteArena(writer, arena));

    public static string Veileder(Veileder veileder) => Write(writer => WriteVeileder(writer, veileder));

    /// <summary>The ALIS's own fields, without its lists of records.</summary>
    public static string AlisFields(AlisRecord alis) => Write(writer => WriteAlis(writer, alis, withLists: false));

    /// <summary>The whole ALIS with all its records.</summary>
    public static string Alis(AlisRecord alis) => Write(writer => WriteAlis(writer, alis, withLists: true));

    /// <summary>One record of an ALIS's lists.</summary>
    public static string Record(object record) => Write(writer => WriteRecord(writer, record));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMunicipality(Utf8JsonWriter writer, Municipality municipality, bool withLists)
    {
        writer.WriteStartObject();
        writer.WriteString("id", municipality.Id);
        writer.WriteString("name", municipality.Name);
        Date(writer, "registeredEducationInstitutionSince", municipality.RegisteredEducationInstitutionSince);
        if (withLists)
        {
            writer.WriteStartArray("leaders");
            foreach (var leader in municipality.Leaders)
            {
                WriteLeader(writer, leader);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("arenas");
            foreach (var arena in municipality.Arenas)
            {
                WriteArena(writer, arena);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteLeader(Utf8JsonWriter writer, Leader leader)
    {
        writer.WriteStartObject();
        writer.WriteString("id", leader.Id);
        writer.WriteString("name", leader.Name);
        Text(writer, "email", leader.Email);
        writer.WriteEndObject();
    }

    private static void WriteArena(Utf8JsonWriter writer, Arena arena)
    {
        writer.WriteStartObject();
        writer.WriteString("id", arena.Id);
        writer.WriteString("name", arena.Name);
        writer.WriteString("type", arena.Type);
        Strings(writer, "goals", arena.Goals);
        writer.WriteEndObject();
    }

    private static void WriteVeileder(Utf8JsonWriter writer, Veileder veileder)
    {
        writer.WriteStartObject();
        writer.WriteString("id", veileder.Id);
        writer.WriteString("name", veileder.Name);
        Date(writer, "specialistSince", veileder.SpecialistSince);
        Date(writer, "exemptionUntil", veileder.ExemptionUntil);
        Date(writer, "veilederCourseCompletedOn", veileder.VeilederCourseCompletedOn);
        Text(writer, "workplaceMunicipalityId", veileder.WorkplaceMunicipalityId);
        writer.WriteEndObject();
    }

    private static void WriteAlis(Utf8JsonWriter writer, AlisRecord alis, bool withLists)
    {
        writer.WriteStartObject();
        writer.WriteString("id", alis.Id);
        writer.WriteString("name", alis.Name);
        writer.WriteString("leaderId", alis.LeaderId);
        writer.WriteString("scheme", alis.Scheme switch
        {
            TrainingScheme.New => "new",
            TrainingScheme.Old => "old",
            _ => "converted",
        });
        Date(writer, "conversionDate", alis.ConversionDate);
        Date(writer, "trainingStart", alis.TrainingStart);
        Date(writer, "specialistApprovedOn", alis.SpecialistApprovedOn);
        Date(writer, "individualPlanCreatedOn", alis.IndividualPlanCreatedOn);
        Date(writer, "plannedThrough", alis.PlannedThrough);
        Date(writer, "alisAgreementSignedOn", alis.AlisAgreementSignedOn);
        if (withLists)
        {
            List(writer, "servicePeriods", alis.ServicePeriods);
            List(writer, "leave", alis.Leave);
            List(writer, "veilederAssignments", alis.VeilederAssignments);
            List(writer, "supervisionSessions", alis.SupervisionSessions);
            List(writer, "groupSupervision", alis.GroupSupervision);
            List(writer, "goals", alis.Goals);
            List(writer, "courses", alis.Courses);
            List(writer, "procedures", alis.Procedures);
            List(writer, "jointConsultations", alis.JointConsultations);
            List(writer, "planReviews", alis.PlanReviews);
        }

        writer.WriteEndObject();
    }

    private static void List<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> records)
        where T : notnull
    {
        writer.WriteStartArray(name);
        foreach (var record in records)
        {
            WriteRecord(writer, record);
        }

        writer.WriteEndArray();
    }

    private static void WriteRecord(Utf8JsonWriter writer, object record)
    {
        writer.WriteStartObject();
        switch (record)
        {
            case ServicePeriod period:
                writer.WriteString("id", period.Id);
                writer.WriteString("arenaId", period.ArenaId);
                Date(writer, "from", period.From);
                Date(writer, "to", period.To);
                writer.WriteNumber("positionPercent", period.PositionPercent);
                break;
            case LeavePeriod leave:
                writer.WriteString("id", leave.Id);
                Date(writer, "from", leave.From);
                Date(writer, "to", leave.To);
                Text(writer, "reason", leave.Reason);
                break;
            case VeilederAssignment assignment:
                writer.WriteString("id", assignment.Id);
                writer.WriteString("veilederId", assignment.VeilederId);
                Date(writer, "from", assignment.From);
                Date(writer, "to", assignment.To);
                break;
            case SupervisionSession session:
                writer.WriteString("id", session.Id);
                Date(writer, "date", session.Date);
                writer.WriteNumber("minutes", session.Minutes);
                writer.WriteString("veilederId", session.VeilederId);
                Strings(writer, "goals", session.Goals);
                writer.WriteBoolean("referatFinalised", session.ReferatFinalised);
                break;
            case GroupSupervisionMeeting meeting:
                writer.WriteString("id", meeting.Id);
                Date(writer, "date", meeting.Date);
                writer.WriteNumber("hours", meeting.Hours);
                writer.WriteNumber("groupYear", meeting.GroupYear);
                break;
            case GoalRecord goal:
                WriteGoal(writer, goal);
                break;
            case Course course:
                writer.WriteString("id", course.Id);
                Date(writer, "date", course.Date);
                writer.WriteString("topic", course.Topic);
                if (course.Hours is { } hours)
                {
                    writer.WriteNumber("hours", hours);
                }

                break;
            case ProcedureRecord procedure:
                writer.WriteString("id", procedure.Id);
                writer.WriteString("procedure", procedure.Procedure);
                Date(writer, "date", procedure.Date);
                Text(writer, "signedBySupervisor", procedure.SignedBySupervisor);
                break;
            case JointConsultation consultation:
                writer.WriteString("id", consultation.Id);
                Date(writer, "date", consultation.Date);
                writer.WriteString("with", consultation.With == ConsultationPartner.Veileder ? "veileder" : "supervisor");
                Text(writer, "arenaId", consultation.ArenaId);
                break;
            case PlanReview review:
                writer.WriteString("id", review.Id);
                Date(writer, "date", review.Date);
                break;
            default:
                throw new ArgumentException($"{record.GetType().Name} is not a record of an ALIS's lists.", nameof(record));
        }

        writer.WriteEndObject();
    }

    private static void WriteGoal(Utf8JsonWriter writer, GoalRecord goal)
    {
        writer.WriteString("id", goal.Id);
        writer.WriteString("goal", goal.Goal);
        writer.WriteString("status", goal.Status == GoalStatus.Approved ? "approved" : "in-progress");
        Date(writer, "approvedOn", goal.ApprovedOn);
        Text(writer, "approvedByLeaderId", goal.ApprovedByLeaderId);
        Text(writer, "arenaId", goal.ArenaId);
        writer.WriteStartArray("recommendations");
        foreach (var recommendation in goal.Recommendations)
        {
            writer.WriteStartObject();
            writer.WriteString("role", recommendation.Role == RecommenderRole.Veileder ? "veileder" : "supervisor");
            writer.WriteString("personId", recommendation.PersonId);
            Date(writer, "date", recommendation.Date);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Date(Utf8JsonWriter writer, string name, LocalDate? date)
    {
        if (date is { } value)
        {
            writer.WriteString(name, IsoDate(value));
        }
    }

    private static void Text(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is not null)
        {
            writer.WriteString(name, text);
        }
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    internal static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
