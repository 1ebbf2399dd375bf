using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>One page of query results and where the next one starts (no continuation: this was the last).</summary>
internal sealed record TableQueryPage(IReadOnlyList<TableEntity> Entities, TableContinuation? Next, Response Response);
