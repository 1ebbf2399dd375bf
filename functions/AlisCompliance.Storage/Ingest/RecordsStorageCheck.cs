using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Ingest;

/// <summary>
/// What valid records can still not be stored as: ids too long for a table key (after escaping) and records too big
/// for one table property. Reported like any other records problem, with file, path and id.
/// </summary>
internal static class RecordsStorageCheck
{
    public static IEnumerable<RecordsError> Check(string source, MunicipalityRecords records)
    {
        var municipality = records.Municipality;
        var errors = new List<RecordsError>();
        void Key(string key, string path, string id)
        {
            if (key.Length > TableKeys.MaxKeyLength)
            {
                errors.Add(new RecordsError(source, path, id, $"id-en er for lang til å lagres ({key.Length} tegn i tabellnøkkelen; grensen er {TableKeys.MaxKeyLength})"));
            }
        }

        void Json(string json, string path, string id)
        {
            if (json.Length > TableEntityLimits.MaxStringLength)
            {
                errors.Add(new RecordsError(source, path, id, $"posten er for stor til å lagres ({json.Length} tegn JSON; grensen er {TableEntityLimits.MaxStringLength})"));
            }
        }

        Key(RecordKeys.MunicipalityPartition(municipality.Id), "municipality.id", municipality.Id);
        Each(municipality.Leaders, "municipality.leaders", (leader, path) => Key(RecordKeys.MunicipalityRow(RecordKeys.LeaderPrefix, leader.Id), path + ".id", leader.Id));
        Each(municipality.Arenas, "municipality.arenas", (arena, path) =>
        {
            Key(RecordKeys.MunicipalityRow(RecordKeys.ArenaPrefix, arena.Id), path + ".id", arena.Id);
            Json(RecordsJson.Arena(arena), path, arena.Id);
        });
        Each(records.Veiledere, "veiledere", (veileder, path) => Key(RecordKeys.MunicipalityRow(RecordKeys.VeilederPrefix, veileder.Id), path + ".id", veileder.Id));
        Each(records.Alis, "alis", (alis, path) =>
        {
            var rows = AlisRows.Create(municipality.Id, alis);
            Key(rows.PartitionKey, path + ".id", alis.Id);
            Key(RecordKeys.MunicipalityRow(RecordKeys.AlisIndexPrefix, alis.Id), path + ".id", alis.Id);
            foreach (var row in rows.Rows)
            {
                var rowPath = row.Kind == RecordKind.Alis ? path : $"{path}.{row.Kind.ListField}[{row.Index}]";
                Key(RecordKeys.BatchRow(BatchIds.Longest, row.Kind, row.RecordId), rowPath + ".id", row.RecordId);
                Json(row.Json, rowPath, row.RecordId);
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
