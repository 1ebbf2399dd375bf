using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Core.Records;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Every row one ALIS is stored as (its own row and one per record), with a hash of their content: two ingests of the
/// same ALIS give the same hash, so an unchanged ALIS is not written again.
/// </summary>
public sealed record AlisRows(string MunicipalityId, string AlisId, string PartitionKey, IReadOnlyList<RecordRow> Rows, string ContentHash)
{
    /// <summary>Changes whenever the row layout changes, so rows written the old way are rewritten.</summary>
    private const string LayoutVersion = "rows-v1";

    public static AlisRows Create(string municipalityId, AlisRecord alis)
    {
        ArgumentNullException.ThrowIfNull(alis);
        var rows = new List<RecordRow>(1 + alis.SupervisionSessions.Count + alis.Goals.Count + 64)
        {
            new(RecordKind.Alis, alis.Id, 0, RecordsJson.AlisFields(alis)),
        };
        Add(rows, RecordKind.Period, alis.ServicePeriods, period => period.Id, period => new RecordRow(RecordKind.Period, period.Id, 0, string.Empty, period.From));
        Add(rows, RecordKind.Leave, alis.Leave, leave => leave.Id, leave => new RecordRow(RecordKind.Leave, leave.Id, 0, string.Empty, leave.From));
        Add(rows, RecordKind.Assignment, alis.VeilederAssignments, assignment => assignment.Id, assignment => new RecordRow(
            RecordKind.Assignment, assignment.Id, 0, string.Empty, assignment.From, VeilederId: assignment.VeilederId));
        Add(rows, RecordKind.Session, alis.SupervisionSessions, session => session.Id, session => new RecordRow(
            RecordKind.Session, session.Id, 0, string.Empty, session.Date, session.Minutes, session.VeilederId));
        Add(rows, RecordKind.Group, alis.GroupSupervision, meeting => meeting.Id, meeting => new RecordRow(RecordKind.Group, meeting.Id, 0, string.Empty, meeting.Date));
        Add(rows, RecordKind.Goal, alis.Goals, goal => goal.Id, goal => new RecordRow(RecordKind.Goal, goal.Id, 0, string.Empty, goal.ApprovedOn));
        Add(rows, RecordKind.Course, alis.Courses, course => course.Id, course => new RecordRow(RecordKind.Course, course.Id, 0, string.Empty, course.Date));
        Add(rows, RecordKind.Procedure, alis.Procedures, procedure => procedure.Id, procedure => new RecordRow(RecordKind.Procedure, procedure.Id, 0, string.Empty, procedure.Date));
        Add(rows, RecordKind.Consultation, alis.JointConsultations, consultation => consultation.Id, consultation => new RecordRow(
            RecordKind.Consultation, consultation.Id, 0, string.Empty, consultation.Date));
        Add(rows, RecordKind.Review, alis.PlanReviews, review => review.Id, review => new RecordRow(RecordKind.Review, review.Id, 0, string.Empty, review.Date));
        return new AlisRows(municipalityId, alis.Id, RecordKeys.AlisPartition(municipalityId, alis.Id), rows, Hash(rows));
    }

    private static void Add<T>(List<RecordRow> rows, RecordKind kind, IReadOnlyList<T> records, Func<T, string> id, Func<T, RecordRow> row)
        where T : notnull
    {
        for (var index = 0; index < records.Count; index++)
        {
            var record = records[index];
            rows.Add(row(record) with { Kind = kind, RecordId = id(record), Index = index, Json = RecordsJson.Record(record) });
        }
    }

    private static string Hash(IReadOnlyList<RecordRow> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(LayoutVersion));
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{row.Kind.Name}\u001F{row.RecordId}\u001F{row.Index}\u001F{row.Json}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
