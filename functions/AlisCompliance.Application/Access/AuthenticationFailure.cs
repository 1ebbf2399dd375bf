namespace AlisCompliance.Application.Access;

/// <summary>Why a request was not authenticated (logged, counted per minute; never shown in more detail than 401).</summary>
public enum AuthenticationFailure
{
    /// <summary>Neither a trusted principal nor a key.</summary>
    Missing,

    /// <summary>A principal that is not base64 JSON of the Easy Auth shape, has no id, or no roles.</summary>
    Malformed,

    /// <summary>A principal whose <c>exp</c> has passed, or a key past its expiry.</summary>
    Expired,

    /// <summary>A principal header while Easy Auth is off, where anyone can set it, and no valid key.</summary>
    Forged,

    /// <summary>A key that matches no configured hash.</summary>
    UnknownKey,
}
