namespace AlisCompliance.Application.Access;

/// <summary>
/// Turns roles, municipality claims and a region into a <see cref="Caller"/>: the claim types to read and the regions'
/// municipalities, from <see cref="AccessOptions"/>. Roles that are not ours are dropped.
/// </summary>
public sealed class CallerScopes(AccessOptions options)
{
    private readonly Dictionary<string, string[]> regions = new(options.Regions, StringComparer.OrdinalIgnoreCase);

    public string MunicipalityClaimType => options.MunicipalityClaimType;

    public string RegionClaimType => options.RegionClaimType;

    public string RoleClaimType => options.RoleClaimType;

    public Caller Caller(string id, IEnumerable<string> roles, IEnumerable<string> municipalities, IEnumerable<string> regionNames) => new(
        id,
        roles.Where(AccessRoles.All.Contains).ToHashSet(StringComparer.Ordinal),
        municipalities.Where(m => m.Length > 0).ToHashSet(StringComparer.Ordinal),
        regionNames.SelectMany(region => regions.TryGetValue(region, out var members) ? members : []).ToHashSet(StringComparer.Ordinal));
}
