using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// The entities of a query, page by page, following every continuation until the service gives none (or
/// <see cref="TableQuery.Top"/> entities were returned). Enumerate it directly for entities, or <see cref="AsPages"/> for pages.
/// </summary>
internal sealed class TableQueryPageable(TableClient client, TableQuery query, CancellationToken cancellationToken)
    : AsyncPageable<TableEntity>(cancellationToken)
{
    public override async IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var next = TableContinuation.Parse(continuationToken);
        var remaining = query.Top;
        var pageSize = pageSizeHint is > 0 ? Math.Min(pageSizeHint.Value, TableQuery.MaxPageSize) : query.PageSize;

        while (true)
        {
            var top = (pageSize, remaining) switch
            {
                (null, var r) => r is > TableQuery.MaxPageSize ? null : r,
                (var p, null) => p,
                (var p, var r) => Math.Min(p.Value, r.Value),
            };

            var page = await client.QueryPageAsync(query, next, top, CancellationToken);
            var entities = page.Entities;
            if (remaining is not null)
            {
                if (entities.Count > remaining.Value)
                {
                    entities = [.. entities.Take(remaining.Value)];
                }

                remaining -= entities.Count;
            }

            next = remaining == 0 ? null : page.Next;
            yield return Page<TableEntity>.FromValues(entities, next?.ToString(), page.Response);
            if (next is null)
            {
                yield break;
            }
        }
    }
}
