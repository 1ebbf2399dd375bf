namespace AlisCompliance.Storage.Tables;

/// <summary>
/// Where a table query continues: the service's <c>x-ms-continuation-NextPartitionKey</c>/<c>NextRowKey</c>, sent back as
/// the <c>NextPartitionKey</c>/<c>NextRowKey</c> query parameters. As a string (for <see cref="Azure.Page{T}.ContinuationToken"/>)
/// both are percent-escaped and joined by a space.
/// </summary>
internal sealed record TableContinuation(string NextPartitionKey, string? NextRowKey)
{
    public static TableContinuation? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new TableContinuation(Uri.UnescapeDataString(token), null)
            : new TableContinuation(Uri.UnescapeDataString(token[..space]), Uri.UnescapeDataString(token[(space + 1)..]));
    }

    public override string ToString() =>
        NextRowKey is null ? Uri.EscapeDataString(NextPartitionKey) : Uri.EscapeDataString(NextPartitionKey) + " " + Uri.EscapeDataString(NextRowKey);
}
