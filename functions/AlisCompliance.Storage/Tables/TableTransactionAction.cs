using Azure;

namespace AlisCompliance.Storage.Tables;

/// <summary>One operation in an entity-group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (for a delete, only its keys matter).</param>
/// <param name="IfMatch">For updates and deletes: the ETag the stored entity must have; empty means any (<c>*</c>).</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default)
{
    /// <summary>Insert the entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The action.</returns>
    public static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    /// <summary>Insert or replace the entity.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Replace or merge.</param>
    /// <returns>The action.</returns>
    public static TableTransactionAction Upsert(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace, entity);

    /// <summary>Update the entity if its ETag matches.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The expected ETag, or <see cref="ETag.All"/>.</param>
    /// <param name="mode">Replace or merge.</param>
    /// <returns>The action.</returns>
    public static TableTransactionAction Update(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace, entity, ifMatch);

    /// <summary>Delete the entity if its ETag matches.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The expected ETag; empty means any.</param>
    /// <returns>The action.</returns>
    public static TableTransactionAction Delete(string partitionKey, string rowKey, ETag ifMatch = default) =>
        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}
