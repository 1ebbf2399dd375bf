using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Single-row operations through the SDK, with keys and sizes checked before the request (the SDK sends whatever it is
/// given) and the new ETag returned.
/// </summary>
internal static class TableRows
{
    /// <summary>The row, or null when it does not exist.</summary>
    public static async Task<TableEntity?> GetIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        TableKeyValidator.ValidateKeys(partitionKey, rowKey);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts the row; 409 <c>EntityAlreadyExists</c> when its keys are taken.</summary>
    public static async Task<ETag> AddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateForWrite(entity);
        using var response = await table.AddEntityAsync(entity, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>
    /// Replaces an existing row: 412 when <paramref name="ifMatch"/> is stale, 404 when the row is gone. Use
    /// <see cref="ETag.All"/> for "whatever its version, but it must exist".
    /// </summary>
    public static async Task<ETag> ReplaceAsync(TableClient table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("A replace needs the ETag read, or ETag.All when the row must exist.", nameof(ifMatch));
        }

        TableEntityLimits.ValidateForWrite(entity);
        using var response = await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Sets the given properties of an existing row (merge), whatever its version: 404 when the row is gone.</summary>
    public static async Task<ETag> MergeExistingAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateForWrite(entity);
        using var response = await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Inserts or replaces the row, whatever is stored.</summary>
    public static async Task<ETag> UpsertAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        TableEntityLimits.ValidateForWrite(entity);
        using var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>True when this call deleted the row, false when there was none; 412 when <paramref name="ifMatch"/> is stale.</summary>
    public static async Task<bool> DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        TableKeyValidator.ValidateKeys(partitionKey, rowKey);
        try
        {
            using var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }
}
