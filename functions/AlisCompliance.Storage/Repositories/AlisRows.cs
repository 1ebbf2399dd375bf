using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Core.Records;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Every row one ALIS is stored as (its own row and its lists' records in chunks, see <see cref="RecordChunks"/>), with
/// a hash of their content: two ingests of the same ALIS give the same hash, so an unchanged ALIS is not written again.
/// </summary>
public sealed record AlisRows(string MunicipalityId, string AlisId, string PartitionKey, IReadOnlyList<RecordChunk> Rows, string ContentHash)
{
    /// <summary>Changes whenever the row layout changes, so rows written the old way are rewritten.</summary>
    private const string LayoutVersion = "chunks-v2";

    public static AlisRows Create(string municipalityId, AlisRecord alis)
    {
        ArgumentNullException.ThrowIfNull(alis);
        var rows = new List<RecordChunk>(1 + RecordKind.Lists.Count) { new(RecordKind.Alis, 0, 1, RecordsJson.AlisFields(alis)) };
        foreach (var kind in ListRecords(alis).GroupBy(record => record.Kind))
        {
            rows.AddRange(RecordChunks.Create(kind.Key, kind));
        }

        return new AlisRows(municipalityId, alis.Id, RecordKeys.AlisPartition(municipalityId, alis.Id), rows, Hash(rows));
    }

    /// <summary>Every record of the ALIS's lists, kind by kind in the order of <see cref="RecordKind.Lists"/>, each list in its order.</summary>
    public static IEnumerable<ListRecord> ListRecords(AlisRecord alis)
    {
        ArgumentNullException.ThrowIfNull(alis);
        return Each(RecordKind.Period, alis.ServicePeriods, period => period.Id)
            .Concat(Each(RecordKind.Leave, alis.Leave, leave => leave.Id))
            .Concat(Each(RecordKind.Assignment, alis.VeilederAssignments, assignment => assignment.Id))
            .Concat(Each(RecordKind.Session, alis.SupervisionSessions, session => session.Id))
            .Concat(Each(RecordKind.Group, alis.GroupSupervision, meeting => meeting.Id))
            .Concat(Each(RecordKind.Goal, alis.Goals, goal => goal.Id))
            .Concat(Each(RecordKind.Course, alis.Courses, course => course.Id))
            .Concat(Each(RecordKind.Procedure, alis.Procedures, procedure => procedure.Id))
            .Concat(Each(RecordKind.Consultation, alis.JointConsultations, consultation => consultation.Id))
            .Concat(Each(RecordKind.Review, alis.PlanReviews, review => review.Id));
    }

    private static IEnumerable<ListRecord> Each<T>(RecordKind kind, IReadOnlyList<T> records, Func<T, string> id)
        where T : notnull =>
        records.Select((record, index) => new ListRecord(kind, id(record), index, RecordsJson.Record(record)));

    private static string Hash(IReadOnlyList<RecordChunk> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(LayoutVersion));
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{row.Kind.Name}\u001F{row.Chunk}\u001F{row.Count}\u001F{row.Json}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
