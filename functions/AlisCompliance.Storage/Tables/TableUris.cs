namespace AlisCompliance.Storage.Tables;

/// <summary>The Table service's resource URLs, relative to the account's table endpoint.</summary>
internal static class TableUris
{
    public static string Base(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');

    public static string Tables(Uri endpoint) => Base(endpoint) + "/Tables";

    public static string Table(Uri endpoint, string tableName) => Base(endpoint) + "/Tables('" + tableName + "')";

    public static string EntitySet(Uri endpoint, string tableName) => Base(endpoint) + "/" + tableName;

    public static string Query(Uri endpoint, string tableName) => Base(endpoint) + "/" + tableName + "()";

    public static string Batch(Uri endpoint) => Base(endpoint) + "/$batch";

    public static string Entity(Uri endpoint, string tableName, string partitionKey, string rowKey) =>
        Base(endpoint) + "/" + tableName + "(PartitionKey='" + EscapeKey(partitionKey) + "',RowKey='" + EscapeKey(rowKey) + "')";

    /// <summary>Doubles single quotes (OData string literal), then percent-escapes for the URL path.</summary>
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
