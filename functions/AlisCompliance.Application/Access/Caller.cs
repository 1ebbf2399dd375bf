namespace AlisCompliance.Application.Access;

/// <summary>
/// An authenticated caller: an id (an Entra object id or a key's id; never a name or an email), its roles, the
/// municipalities it belongs to, and those of its region (the ALIS-kontor's scope).
/// </summary>
public sealed record Caller(string Id, IReadOnlySet<string> Roles, IReadOnlySet<string> Municipalities, IReadOnlySet<string> RegionMunicipalities)
{
    /// <summary>Whether acting in <paramref name="role"/> reaches <paramref name="municipalityId"/>'s data.</summary>
    public bool Covers(string role, string municipalityId) => role switch
    {
        AccessRoles.Leader or AccessRoles.Ingest => Municipalities.Contains(municipalityId),
        AccessRoles.AlisKontor => RegionMunicipalities.Contains(municipalityId),
        _ => false,
    };

    /// <summary>A caller reaching a municipality it does not belong to (the region's ALIS-kontor) is audited.</summary>
    public bool IsOutside(string municipalityId) => !Municipalities.Contains(municipalityId);
}
