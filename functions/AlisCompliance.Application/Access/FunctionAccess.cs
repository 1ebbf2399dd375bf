namespace AlisCompliance.Application.Access;

/// <summary>
/// One HTTP function's access rule: the roles allowed, the scope they must reach, the largest body it takes (0: none;
/// a body is then refused), and the audit action written when a caller reads a municipality it does not belong to.
/// </summary>
public sealed record FunctionAccess(IReadOnlySet<string> Roles, AccessScope Scope, int MaxBodyBytes, string? OutsideAccessAuditAction = null)
{
    public FunctionAccess(string[] roles, AccessScope scope, int maxBodyBytes, string? outsideAccessAuditAction = null)
        : this(roles.ToHashSet(StringComparer.Ordinal), scope, maxBodyBytes, outsideAccessAuditAction)
    {
    }
}
