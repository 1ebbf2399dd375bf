using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>The outcome of one operation of a committed transaction, in the order the actions were given.</summary>
/// <param name="Action">The action.</param>
/// <param name="Status">The HTTP status of the operation (201 or 204).</param>
/// <param name="ETag">The entity's new ETag (empty for a delete).</param>
public sealed record TableTransactionResult(TableTransactionAction Action, int Status, ETag ETag);
