namespace AlisCompliance.Application.Access;

/// <summary>Who may call the HTTP functions (configuration section <c>AlisCompliance:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "AlisCompliance:Access";

    /// <summary>
    /// True only where App Service Authentication runs in front of the app: then, and only then, the
    /// <c>X-MS-CLIENT-PRINCIPAL</c> header is trusted. Anywhere else anyone can set it.
    /// </summary>
    public bool EasyAuth { get; set; }

    /// <summary>The claim holding a municipality id the principal belongs to (one claim per municipality).</summary>
    public string MunicipalityClaimType { get; set; } = "alis_municipality";

    /// <summary>The claim holding the principal's region (a key of <see cref="Regions"/>), for the ALIS-kontor.</summary>
    public string RegionClaimType { get; set; } = "alis_region";

    /// <summary>
    /// The claim holding app roles when the principal's own <c>role_typ</c> does not match them: Entra ID sends app roles
    /// as <c>roles</c> claims while Easy Auth names the long role claim URI in <c>role_typ</c>.
    /// </summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>Region name → the municipality ids an ALIS-kontor of that region covers.</summary>
    public IDictionary<string, string[]> Regions { get; set; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys for callers outside Entra ID (a municipality's system, serve, tests), sent in <c>X-Alis-Key</c>.</summary>
    public IList<AccessKeyOptions> Keys { get; set; } = [];
}
