namespace AlisCompliance.Application.Access;

/// <summary>The outcome of reading a request's credentials: a caller, or why there is none.</summary>
public sealed record Authentication(Caller? Caller, AuthenticationFailure? Failure)
{
    public static Authentication Succeeded(Caller caller) => new(caller, null);

    public static Authentication Failed(AuthenticationFailure failure) => new(null, failure);
}
