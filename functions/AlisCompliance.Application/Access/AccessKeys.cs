using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace AlisCompliance.Application.Access;

/// <summary>
/// The configured keys, by their SHA-256: a presented key is hashed and compared with every configured hash in constant
/// time, so neither the comparison nor the number of keys tried tells a caller how close a guess was.
/// </summary>
public sealed class AccessKeys
{
    /// <summary>The request header carrying a key (not <c>Authorization</c>, which Easy Auth would try to read as a token).</summary>
    public const string Header = "X-Alis-Key";

    private const int MaxKeyLength = 1024;

    private readonly List<(byte[] Hash, AccessKeyOptions Key)> keys;
    private readonly CallerScopes scopes;

    public AccessKeys(IEnumerable<AccessKeyOptions> configured, CallerScopes scopes)
    {
        ArgumentNullException.ThrowIfNull(configured);
        this.scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        keys = [.. configured.Select(key => (Hash(key), key))];
    }

    public Authentication Check(string presented, Instant now)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length is 0 or > MaxKeyLength)
        {
            return Authentication.Failed(AuthenticationFailure.UnknownKey);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        AccessKeyOptions? match = null;
        foreach (var (configured, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, configured))
            {
                match = key;
            }
        }

        if (match is null)
        {
            return Authentication.Failed(AuthenticationFailure.UnknownKey);
        }

        if (match.ExpiresAt is { } expiresAt && Instant.FromDateTimeOffset(expiresAt) <= now)
        {
            return Authentication.Failed(AuthenticationFailure.Expired);
        }

        return Authentication.Succeeded(scopes.Caller(match.Id, [match.Role], match.Municipalities, match.Region is { } region ? [region] : []));
    }

    private static byte[] Hash(AccessKeyOptions key)
    {
        if (string.IsNullOrWhiteSpace(key.Id) || !AccessRoles.All.Contains(key.Role))
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"En nøkkel i {AccessOptions.Section}:Keys mangler Id eller har en ukjent rolle («{key.Role}»); gyldige roller: {string.Join(", ", AccessRoles.All)}."));
        }

        try
        {
            var hash = Convert.FromHexString(key.Sha256);
            if (hash.Length == SHA256.HashSizeInBytes)
            {
                return hash;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidOperationException($"Nøkkelen «{key.Id}» i {AccessOptions.Section}:Keys har ingen gyldig Sha256 (64 heksadesimale tegn).");
    }
}
