namespace AlisCompliance.Application.Access;

/// <summary>What, beyond the role, a caller must reach for a function to run.</summary>
public enum AccessScope
{
    /// <summary>The route's <c>{municipalityId}</c> must be in the caller's scope for one of the function's roles.</summary>
    RouteMunicipality,

    /// <summary>The function reads or changes the service as a whole (no municipality in its route): the role is enough.</summary>
    Service,
}
