using AlisCompliance.Storage.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// One record of an ALIS as a row of a batch: its JSON in the records format, its position in its list, and a few
/// typed columns worth querying (ISO date, minutes, veileder id).
/// </summary>
public sealed record RecordRow(RecordKind Kind, string RecordId, int Index, string Json, LocalDate? Date = null, int? Minutes = null, string? VeilederId = null)
{
    public const string JsonProperty = "Json";
    public const string IndexProperty = "Index";
    public const string KindProperty = "Kind";
    public const string DateProperty = "Date";
    public const string MinutesProperty = "Minutes";
    public const string VeilederIdProperty = "VeilederId";

    public TableEntity ToEntity(string partitionKey, string batchId)
    {
        var properties = new List<KeyValuePair<string, object>>(6)
        {
            new(KindProperty, Kind.Name),
            new(IndexProperty, Index),
            new(JsonProperty, Json),
        };
        if (Date is { } date)
        {
            properties.Add(new(DateProperty, RecordsJson.IsoDate(date)));
        }

        if (Minutes is { } minutes)
        {
            properties.Add(new(MinutesProperty, minutes));
        }

        if (VeilederId is not null)
        {
            properties.Add(new(VeilederIdProperty, VeilederId));
        }

        return new TableEntity(partitionKey, RecordKeys.BatchRow(batchId, Kind, RecordId), properties);
    }
}
