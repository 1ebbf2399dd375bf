using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;

namespace AlisCompliance.Application.Access;

/// <summary>
/// Who may call which HTTP function: the one place access is decided, for the Azure worker and serve alike. A function
/// without an entry is denied to everyone (tests enumerate the published functions.metadata and serve's routes and fail
/// on a function missing here).
/// </summary>
public static class AccessTable
{
    public static IReadOnlyDictionary<string, FunctionAccess> Entries { get; } = new Dictionary<string, FunctionAccess>(StringComparer.Ordinal)
    {
        // The ingest use case audits every write itself, with the file's hash.
        [FunctionBindings.IngestRecords] = new([AccessRoles.Ingest], AccessScope.RouteMunicipality, BoundedBody.MaxIngestBytes),
        [FunctionBindings.ComplianceStatus] = new([AccessRoles.Leader, AccessRoles.AlisKontor], AccessScope.RouteMunicipality, 0, "status.read"),
        // The use case audits every publication itself, with the bundle's content hash.
        [FunctionBindings.PublishRules] = new([AccessRoles.AlisKontor], AccessScope.Service, PublishRules.MaxBodyBytes),
        [FunctionBindings.ServiceHealth] = new([AccessRoles.Operator], AccessScope.Service, 0),
        [FunctionBindings.AuditQuery] = new([AccessRoles.Operator], AccessScope.Service, 0),
    };

    /// <summary>
    /// The function's rule when <paramref name="caller"/> holds one of its roles and reaches its scope with that role;
    /// otherwise null: deny.
    /// </summary>
    public static FunctionAccess? Grant(string functionName, Caller caller, string? routeMunicipalityId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Entries.TryGetValue(functionName, out var access))
        {
            return null;
        }

        var granted = access.Scope switch
        {
            AccessScope.RouteMunicipality => routeMunicipalityId is { Length: > 0 } municipalityId
                && access.Roles.Any(role => caller.Roles.Contains(role) && caller.Covers(role, municipalityId)),
            AccessScope.Service => access.Roles.Overlaps(caller.Roles),
            _ => false,
        };
        return granted ? access : null;
    }
}
