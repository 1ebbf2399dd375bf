namespace AlisCompliance.Application.Access;

/// <summary>The roles, by their wire names: Entra ID app role values and the <c>Role</c> of a configured key.</summary>
public static class AccessRoles
{
    /// <summary>A leader of one or more municipalities: reads their status and findings, receives their alerts.</summary>
    public const string Leader = "leader";

    /// <summary>The ALIS-kontor of a region: every municipality of the region; publishes rules.</summary>
    public const string AlisKontor = "alis-kontor";

    /// <summary>A municipality's own system: writes that municipality's records, nothing else.</summary>
    public const string Ingest = "ingest";

    /// <summary>Runs the service: health, poison queues, audit; never personal data.</summary>
    public const string Operator = "operator";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Leader, AlisKontor, Ingest, Operator };
}
