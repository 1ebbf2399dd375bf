namespace AlisCompliance.Storage.Tables;

/// <summary>The OData type names of the Table service (<c>Prop@odata.type</c> annotations).</summary>
internal static class EdmType
{
    public const string String = "Edm.String";
    public const string Boolean = "Edm.Boolean";
    public const string Int32 = "Edm.Int32";
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
}
