using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AlisCompliance.Application.Access;

/// <summary>
/// Who is calling, from a request's headers (looked up case-insensitively): Easy Auth's principal where
/// <see cref="AccessOptions.EasyAuth"/> says the platform put it there, else a configured key in
/// <see cref="AccessKeys.Header"/>. A principal header Easy Auth did not put there is forged: only a valid key can
/// still authenticate that request.
/// </summary>
public sealed class CallerAuthenticator
{
    private readonly AccessOptions options;
    private readonly CallerScopes scopes;
    private readonly AccessKeys keys;
    private readonly IClock clock;

    public CallerAuthenticator(IOptions<AccessOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        scopes = new CallerScopes(this.options);
        keys = new AccessKeys(this.options.Keys, scopes);
    }

    public Authentication Authenticate(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var now = clock.GetCurrentInstant();
        var principal = headers[ClientPrincipal.Header].ToString();
        if (options.EasyAuth && principal.Length > 0)
        {
            return ClientPrincipal.Parse(principal, headers[ClientPrincipal.IdHeader].ToString(), scopes, now);
        }

        var key = headers[AccessKeys.Header].ToString();
        if (key.Length > 0)
        {
            return keys.Check(key, now);
        }

        return Authentication.Failed(principal.Length > 0 ? AuthenticationFailure.Forged : AuthenticationFailure.Missing);
    }
}
