namespace AlisCompliance.Storage.Tables;

/// <summary>How an update or upsert treats properties the sent entity does not have.</summary>
public enum TableUpdateMode
{
    /// <summary>The stored entity becomes exactly the sent one (HTTP PUT); missing properties are removed.</summary>
    Replace,

    /// <summary>Sent properties are added or overwritten, others stay (HTTP MERGE).</summary>
    Merge,
}
