using AlisCompliance.Core.Records;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>Every row a save will write, built and checked before the first request, and what the save finds stored.</summary>
internal sealed class SavePlan
{
    private SavePlan(IReadOnlyList<MunicipalityPlan> municipalities)
    {
        Municipalities = municipalities;
        Alis = [.. municipalities.SelectMany(municipality => municipality.Alis)];
    }

    public IReadOnlyList<MunicipalityPlan> Municipalities { get; }

    public IReadOnlyList<AlisPlan> Alis { get; }

    /// <summary>Builds the rows; throws <see cref="ArgumentException"/> (before any write) for a key or size storage refuses.</summary>
    public static SavePlan Create(IReadOnlyList<MunicipalityRecords> municipalities)
    {
        var duplicate = municipalities.GroupBy(records => records.Municipality.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Municipality {duplicate.Key} is in the save more than once; merge its records first.", nameof(municipalities));
        }

        var plans = municipalities.Select(records => new MunicipalityPlan(records)).ToList();
        foreach (var plan in plans)
        {
            foreach (var row in plan.Rows.Append(plan.ListEntry))
            {
                TableKeyValidator.ValidateKeys(row.PartitionKey, row.RowKey);
                TableEntityLimits.ValidateForWrite(row);
            }

            foreach (var alis in plan.Alis)
            {
                foreach (var row in alis.Rows.Rows)
                {
                    var entity = row.ToEntity(alis.Rows.PartitionKey, BatchIds.Longest);
                    TableKeyValidator.ValidateKeys(entity.PartitionKey, entity.RowKey);
                    TableEntityLimits.ValidateForWrite(entity);
                }
            }
        }

        return new SavePlan(plans);
    }
}

/// <summary>One municipality's rows, and what its partition held before the save.</summary>
internal sealed class MunicipalityPlan(MunicipalityRecords records)
{
    public string PartitionKey { get; } = RecordKeys.MunicipalityPartition(records.Municipality.Id);

    public IReadOnlyList<TableEntity> Rows { get; } = MunicipalityRows.Create(records);

    public TableEntity ListEntry { get; } = MunicipalityRows.ListEntry(records.Municipality);

    public IReadOnlyList<AlisPlan> Alis { get; } = [.. records.Alis.Select(alis => new AlisPlan(AlisRows.Create(records.Municipality.Id, alis)))];

    public Dictionary<string, TableEntity> Existing { get; set; } = new(StringComparer.Ordinal);

    public TableEntity? ExistingListEntry { get; set; }
}

/// <summary>One ALIS's rows, and the version in force before the save.</summary>
internal sealed class AlisPlan(AlisRows rows)
{
    public AlisRows Rows { get; } = rows;

    public AlisKey Key { get; } = new(rows.MunicipalityId, rows.AlisId);

    public CurrentPointer? Before { get; set; }

    /// <summary>True when the content differs from the version in force (or there is none): a new batch is written.</summary>
    public bool Changed => Before is null || !string.Equals(Before.ContentHash, Rows.ContentHash, StringComparison.Ordinal);

    /// <summary>True when the version in force after the save still has to be queued for evaluation.</summary>
    public bool NeedsQueue => Changed || !Before!.Queued;
}
