using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Authentication;

/// <summary>
/// Signs Table service requests with Shared Key in the Table service's own canonicalization:
/// <c>VERB\nContent-MD5\nContent-Type\nx-ms-date\nCanonicalizedResource</c>, where the resource is
/// <c>/account</c> + the path as sent (+ <c>?comp=…</c>). Add it per retry, after <c>x-ms-date</c> is set.
/// </summary>
public sealed class TableSharedKeyPolicy : SharedKeyPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="credential">The account name and key; <see cref="AzureNamedKeyCredential.Update"/> rotates them.</param>
    public TableSharedKeyPolicy(AzureNamedKeyCredential credential)
        : base(credential)
    {
    }

    /// <inheritdoc/>
    protected override string StringToSign(Request request, string accountName) => BuildStringToSign(request, accountName);

    internal static string BuildStringToSign(Request request, string accountName)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        builder.Append(SharedKeyRequestParts.Header(request, "Content-MD5")).Append('\n');
        builder.Append(SharedKeyRequestParts.Header(request, HttpHeader.Names.ContentType)).Append('\n');
        builder.Append(SharedKeyRequestParts.Header(request, HttpHeader.Names.XMsDate)).Append('\n');
        builder.Append('/').Append(accountName).Append(SharedKeyRequestParts.PathAsSent(request));

        foreach (var (name, value) in SharedKeyRequestParts.QueryParameters(request))
        {
            if (string.Equals(name, "comp", StringComparison.Ordinal))
            {
                builder.Append("?comp=").Append(value);
                break;
            }
        }

        return builder.ToString();
    }
}
