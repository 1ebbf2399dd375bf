namespace AlisCompliance.Storage.Tables;

/// <summary>The kind of one operation in an entity-group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails (409 EntityAlreadyExists) when the entity exists.</summary>
    Add,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Replace an existing entity whose ETag matches.</summary>
    UpdateReplace,

    /// <summary>Merge into an existing entity whose ETag matches.</summary>
    UpdateMerge,

    /// <summary>Delete an existing entity whose ETag matches.</summary>
    Delete,
}
