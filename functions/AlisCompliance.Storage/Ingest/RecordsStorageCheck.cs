using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.Storage.Ingest;

/// <summary>
/// What valid records can still not be stored as: ids too long for a table key (after escaping) and records too big
/// for their row (an arena for one table property, a record of an ALIS's lists for a chunk row, see
/// <see cref="RecordChunks"/>). Reported like any other records problem, with file, path and id. The ids of an ALIS's
/// records are in no key, so their length is not limited here.
/// </summary>
internal static class RecordsStorageCheck
{
    public static IEnumerable<RecordsError> Check(string source, MunicipalityRecords records)
    {
        var municipality = records.Municipality;
        var errors = new List<RecordsError>();
        void Key(string key, string path, string id)
        {
            // An ALIS id is in two keys; one error for it is enough.
            if (key.Length > TableKeys.MaxKeyLength && !errors.Exists(error => string.Equals(error.Path, path, StringComparison.Ordinal)))
            {
                errors.Add(new RecordsError(source, path, id, $"id-en er for lang til å lagres ({key.Length} tegn i tabellnøkkelen; grensen er {TableKeys.MaxKeyLength})"));
            }
        }

        void Json(string json, int maxLength, string path, string id)
        {
            if (json.Length > maxLength)
            {
                errors.Add(new RecordsError(source, path, id, $"posten er for stor til å lagres ({json.Length} tegn JSON; grensen er {maxLength})"));
            }
        }

        Key(RecordKeys.MunicipalityPartition(municipality.Id), "municipality.id", municipality.Id);
        Each(municipality.Leaders, "municipality.leaders", (leader, path) => Key(RecordKeys.MunicipalityRow(RecordKeys.LeaderPrefix, leader.Id), path + ".id", leader.Id));
        Each(municipality.Arenas, "municipality.arenas", (arena, path) =>
        {
            Key(RecordKeys.MunicipalityRow(RecordKeys.ArenaPrefix, arena.Id), path + ".id", arena.Id);
            Json(RecordsJson.Arena(arena), TableEntityLimits.MaxStringLength, path, arena.Id);
        });
        Each(records.Veiledere, "veiledere", (veileder, path) => Key(RecordKeys.MunicipalityRow(RecordKeys.VeilederPrefix, veileder.Id), path + ".id", veileder.Id));
        Each(records.Alis, "alis", (alis, path) =>
        {
            Key(RecordKeys.AlisPartition(municipality.Id, alis.Id), path + ".id", alis.Id);
            Key(RecordKeys.MunicipalityRow(RecordKeys.AlisIndexPrefix, alis.Id), path + ".id", alis.Id);
            Json(RecordsJson.AlisFields(alis), RecordChunks.MaxAlisLength, path, alis.Id);
            foreach (var record in AlisRows.ListRecords(alis))
            {
                Json(record.Json, RecordChunks.MaxRecordLength, $"{path}.{record.Kind.ListField}[{record.Index}]", record.Id);
            }
        });
        return errors;
    }

    private static void Each<T>(IReadOnlyList<T> items, string path, Action<T, string> check)
    {
        for (var index = 0; index < items.Count; index++)
        {
            check(items[index], $"{path}[{index}]");
        }
    }
}
