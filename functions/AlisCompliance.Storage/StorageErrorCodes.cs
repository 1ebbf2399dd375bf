namespace AlisCompliance.Storage;

/// <summary>Error codes the Table and Queue services return in <c>x-ms-error-code</c> that callers branch on.</summary>
public static class StorageErrorCodes
{
    /// <summary>412: the entity's ETag no longer matches (someone else changed it).</summary>
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";

    /// <summary>409: an insert found an entity with the same keys.</summary>
    public const string EntityAlreadyExists = "EntityAlreadyExists";

    /// <summary>409: create table found the table.</summary>
    public const string TableAlreadyExists = "TableAlreadyExists";

    /// <summary>404: table or entity not found.</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>404: the table does not exist.</summary>
    public const string TableNotFound = "TableNotFound";

    /// <summary>409: create queue found the queue with different metadata.</summary>
    public const string QueueAlreadyExists = "QueueAlreadyExists";

    /// <summary>404: the queue does not exist.</summary>
    public const string QueueNotFound = "QueueNotFound";

    /// <summary>404: the message was deleted, or its pop receipt expired and someone else received it.</summary>
    public const string MessageNotFound = "MessageNotFound";

    /// <summary>400: the pop receipt is not the message's latest one.</summary>
    public const string PopReceiptMismatch = "PopReceiptMismatch";
}
