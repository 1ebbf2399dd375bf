namespace AlisCompliance.Application.Access;

/// <summary>One configured key: its holder's id and role, its scope, and the key's SHA-256 (never the key itself).</summary>
public sealed class AccessKeyOptions
{
    /// <summary>The holder's id, as the audit and the logs name it (e.g. <c>ingest-3417</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>One of <see cref="AccessRoles"/>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The municipalities of a leader or an ingest key.</summary>
    public string[] Municipalities { get; set; } = [];

    /// <summary>The region of an ALIS-kontor key (a key of <see cref="AccessOptions.Regions"/>).</summary>
    public string? Region { get; set; }

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>From this moment the key is refused; none: it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
