using AlisCompliance.Core.Records;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The rows of a municipality's partition <c>m|{id}</c>: the municipality, its leaders, arenas and veiledere (each its
/// JSON in the records format and its position), and an index row per ALIS so a sweep lists them with one query.
/// </summary>
public static class MunicipalityRows
{
    public const string JsonProperty = "Json";
    public const string IndexProperty = "Index";
    public const string NameProperty = "Name";
    public const string AlisIdProperty = "AlisId";
    public const string LeaderIdProperty = "LeaderId";

    public static IReadOnlyList<TableEntity> Create(MunicipalityRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var municipality = records.Municipality;
        var partition = RecordKeys.MunicipalityPartition(municipality.Id);
        var rows = new List<TableEntity>
        {
            new(partition, RecordKeys.Municipality)
            {
                [JsonProperty] = RecordsJson.Municipality(municipality),
                [NameProperty] = municipality.Name,
            },
        };
        rows.AddRange(municipality.Leaders.Select((leader, index) => JsonRow(partition, RecordKeys.LeaderPrefix, leader.Id, index, RecordsJson.Leader(leader))));
        rows.AddRange(municipality.Arenas.Select((arena, index) => JsonRow(partition, RecordKeys.ArenaPrefix, arena.Id, index, RecordsJson.Arena(arena))));
        rows.AddRange(records.Veiledere.Select((veileder, index) => JsonRow(partition, RecordKeys.VeilederPrefix, veileder.Id, index, RecordsJson.Veileder(veileder))));
        rows.AddRange(records.Alis.Select(alis => new TableEntity(partition, RecordKeys.MunicipalityRow(RecordKeys.AlisIndexPrefix, alis.Id))
        {
            [AlisIdProperty] = alis.Id,
            [LeaderIdProperty] = alis.LeaderId,
        }));
        return rows;
    }

    /// <summary>The municipality's row in the <c>municipalities</c> table (the nightly sweep's list).</summary>
    public static TableEntity ListEntry(Municipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return new TableEntity(RecordKeys.MunicipalitiesPartition, TableKeys.Escape(municipality.Id))
        {
            ["MunicipalityId"] = municipality.Id,
            [NameProperty] = municipality.Name,
        };
    }

    private static TableEntity JsonRow(string partition, string prefix, string id, int index, string json) =>
        new(partition, RecordKeys.MunicipalityRow(prefix, id))
        {
            [JsonProperty] = json,
            [IndexProperty] = index,
        };
}
