using System.Globalization;
using System.Text;
using System.Text.Json;
using AlisCompliance.Application.Hosting;
using NodaTime;

namespace AlisCompliance.Application.Access;

/// <summary>
/// App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c>: base64 (standard or URL-safe, padded or not) of JSON
/// <c>{"auth_typ","claims":[{"typ","val"}],"name_typ","role_typ"}</c>. Only ids, roles and scope claims are read; the
/// name claim never is.
/// </summary>
public static class ClientPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Easy Auth's copy of the principal's id, used when the claims carry no object id.</summary>
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    /// <summary>Larger than any real principal; a bigger header is refused unread.</summary>
    public const int MaxHeaderLength = 16 * 1024;

    private static readonly string[] IdClaimTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid", "sub"];

    public static Authentication Parse(string header, string? idHeader, CallerScopes scopes, Instant now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var json = Decode(header);
        if (json is null)
        {
            return Authentication.Failed(AuthenticationFailure.Malformed);
        }

        List<(string Type, string Value)> claims;
        string roleType;
        try
        {
            using var document = JsonDocument.Parse(json, StrictJson.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("claims", out var claimArray)
                || claimArray.ValueKind != JsonValueKind.Array)
            {
                return Authentication.Failed(AuthenticationFailure.Malformed);
            }

            roleType = document.RootElement.TryGetProperty("role_typ", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString()! : scopes.RoleClaimType;
            claims = [];
            foreach (var claim in claimArray.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object
                    || !claim.TryGetProperty("typ", out var type) || type.ValueKind != JsonValueKind.String
                    || !claim.TryGetProperty("val", out var value) || value.ValueKind != JsonValueKind.String)
                {
                    return Authentication.Failed(AuthenticationFailure.Malformed);
                }

                claims.Add((type.GetString()!, value.GetString()!));
            }
        }
        catch (JsonException)
        {
            return Authentication.Failed(AuthenticationFailure.Malformed);
        }

        var id = IdClaimTypes.Select(type => Claim(claims, type)).FirstOrDefault(value => value is { Length: > 0 }) ?? (idHeader is { Length: > 0 } ? idHeader : null);
        var roles = claims.Where(claim => IsType(claim, roleType) || IsType(claim, scopes.RoleClaimType)).Select(claim => claim.Value).ToList();
        if (id is null || roles.Count == 0)
        {
            return Authentication.Failed(AuthenticationFailure.Malformed);
        }

        if (Claim(claims, "exp") is { } exp)
        {
            if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Authentication.Failed(AuthenticationFailure.Malformed);
            }

            if (seconds <= now.ToUnixTimeSeconds())
            {
                return Authentication.Failed(AuthenticationFailure.Expired);
            }
        }

        var municipalities = claims.Where(claim => IsType(claim, scopes.MunicipalityClaimType)).Select(claim => claim.Value);
        var regions = claims.Where(claim => IsType(claim, scopes.RegionClaimType)).Select(claim => claim.Value);
        return Authentication.Succeeded(scopes.Caller(id, roles, municipalities, regions));
    }

    private static string? Claim(List<(string Type, string Value)> claims, string type) =>
        claims.FirstOrDefault(claim => IsType(claim, type)).Value;

    private static bool IsType((string Type, string Value) claim, string type) => string.Equals(claim.Type, type, StringComparison.Ordinal);

    private static string? Decode(string header)
    {
        if (header.Length is 0 or > MaxHeaderLength)
        {
            return null;
        }

        var base64 = header.Trim().Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
