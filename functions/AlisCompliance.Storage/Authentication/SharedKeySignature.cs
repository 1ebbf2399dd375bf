using System.Security.Cryptography;
using System.Text;
using Azure;

namespace AlisCompliance.Storage.Authentication;

/// <summary>Computes the Shared Key <c>Authorization</c> header from a string-to-sign.</summary>
internal static class SharedKeySignature
{
    /// <summary>base64(HMAC-SHA256(base64-decoded key, UTF-8(stringToSign))).</summary>
    public static string Compute(string base64AccountKey, string stringToSign)
    {
        var key = Convert.FromBase64String(base64AccountKey);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(mac);
    }

    /// <summary>The header value <c>SharedKey account:signature</c> for the credential's current name and key.</summary>
    public static string AuthorizationHeader(AzureNamedKeyCredential credential, Func<string, string> buildStringToSign)
    {
        var (accountName, accountKey) = credential;
        return "SharedKey " + accountName + ":" + Compute(accountKey, buildStringToSign(accountName));
    }
}
