using System.Globalization;
using Azure.Data.Tables;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The <c>audit</c> table: one partition per month (<c>yyyy-MM</c>, UTC), RowKey inverted ticks and a guid, so a month
/// lists newest first and two entries in the same tick never collide. Append only.
/// </summary>
public sealed class AuditLog(ComplianceStorage storage, IClock clock)
{
    /// <summary>Details longer than this are cut (a string property holds at most 32 K characters).</summary>
    public const int MaxDetailsLength = 30_000;

    private readonly TableClient table = (storage ?? throw new ArgumentNullException(nameof(storage))).Audit;

    public Task<AuditEntry> WriteAsync(string actorId, string action, string targetId, string? details = null, CancellationToken cancellationToken = default) =>
        WriteAsync(actorId, action, targetId, details, contentHash: null, cancellationToken);

    /// <param name="contentHash">The SHA-256 (hex) of the content the action carried or showed (see <see cref="ContentHash"/>), when there was content.</param>
    public async Task<AuditEntry> WriteAsync(string actorId, string action, string targetId, string? details, string? contentHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(targetId);
        var at = clock.GetCurrentInstant();
        var time = at.ToDateTimeOffset();
        var id = (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        if (details is { Length: > MaxDetailsLength })
        {
            details = details[..MaxDetailsLength] + "…";
        }

        var properties = new List<KeyValuePair<string, object>>
        {
            new("At", time),
            new("ActorId", actorId),
            new("Action", action),
            new("TargetId", targetId),
        };
        if (details is not null)
        {
            properties.Add(new("Details", details));
        }

        if (contentHash is not null)
        {
            properties.Add(new("ContentHash", contentHash));
        }

        try
        {
            await TableRows.AddAsync(table, TableEntityProperties.Create(Month(at), id, properties), cancellationToken);
        }
        catch (Azure.RequestFailedException exception) when (exception.IsAlreadyExists())
        {
            // The id holds a new guid, so only our own first try can have taken it: its answer was lost and the SDK retried.
        }

        return new AuditEntry(id, at, actorId, action, targetId, details, contentHash);
    }

    /// <summary>The entries of one month (UTC), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(YearMonth month, CancellationToken cancellationToken = default)
    {
        var partition = string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}");
        var entries = new List<AuditEntry>();
        foreach (var row in await TableBatches.ReadPartitionAsync(table, partition, cancellationToken))
        {
            entries.Add(new AuditEntry(
                row.RowKey,
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue),
                row.GetString("ActorId") ?? string.Empty,
                row.GetString("Action") ?? string.Empty,
                row.GetString("TargetId") ?? string.Empty,
                row.GetString("Details"),
                row.GetString("ContentHash")));
        }

        return entries;
    }

    private static string Month(Instant at) => at.InUtc().Date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
