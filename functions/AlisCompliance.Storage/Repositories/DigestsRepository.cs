using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Calendars;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>digests</c> table: PartitionKey <c>m|{municipalityId}</c>, RowKey the ISO week (<c>2026-W48</c>). A digest is
/// recorded with an insert, which fails with 409 when the week already has one: each municipality gets one per ISO week.
/// </summary>
public sealed class DigestsRepository(ComplianceStorage storage)
{
    private const string AttemptIdProperty = "AttemptId";

    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).Digests;

    /// <summary>The ISO week a date is in, as a RowKey: <c>{weekYear}-W{week:00}</c>.</summary>
    public static string WeekKey(LocalDate date)
    {
        var rules = WeekYearRules.Iso;
        return string.Create(CultureInfo.InvariantCulture, $"{rules.GetWeekYear(date):D4}-W{rules.GetWeekOfWeekYear(date):D2}");
    }

    /// <summary>
    /// Records that the week's digest is being sent. True for the first caller of the week; false when it was already
    /// recorded (the digest must not be sent again).
    /// </summary>
    public async Task<bool> TryRecordAsync(string municipalityId, LocalDate dayInWeek, Instant sentAt, string? summaryJson = null, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(RecordKeys.MunicipalityPartition(municipalityId), WeekKey(dayInWeek))
        {
            ["MunicipalityId"] = municipalityId,
            ["SentAt"] = StorageTime.ToStored(sentAt),
            [AttemptIdProperty] = Guid.NewGuid().ToString("N"),
        };
        if (summaryJson is not null)
        {
            entity["Summary"] = summaryJson;
        }


        try
        {
            await TableRows.AddAsync(table, entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            // Our own insert, when its answer was lost and the SDK retried it: the stored row has our attempt id.
            var stored = await TableRows.GetIfExistsAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken);
            return string.Equals(stored?.GetString(AttemptIdProperty), entity.GetString(AttemptIdProperty), StringComparison.Ordinal);
        }
    }

    /// <summary>When the week's digest was recorded, or null.</summary>
    public async Task<Instant?> GetSentAtAsync(string municipalityId, LocalDate dayInWeek, CancellationToken cancellationToken = default)
    {
        var entity = await TableRows.GetIfExistsAsync(table, RecordKeys.MunicipalityPartition(municipalityId), WeekKey(dayInWeek), cancellationToken);
        return entity is null ? null : StorageTime.ToInstant(entity.GetDateTimeOffset("SentAt"));
    }

    /// <summary>Removes the week's record after a send that failed, so the next run tries again.</summary>
    public async Task ReleaseAsync(string municipalityId, LocalDate dayInWeek, CancellationToken cancellationToken = default) =>
        await table.DeleteEntityAsync(RecordKeys.MunicipalityPartition(municipalityId), WeekKey(dayInWeek), cancellationToken: cancellationToken);
}
