using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Authentication;

/// <summary>
/// Signs Queue service requests with Shared Key in the Blob/Queue canonicalization: the verb, eleven standard headers,
/// the sorted <c>x-ms-*</c> headers and the resource with its sorted query parameters. Add it per retry, last, so it
/// sees the <c>x-ms-date</c> and <c>x-ms-client-request-id</c> of this very try.
/// </summary>
public sealed class QueueSharedKeyPolicy : SharedKeyPolicy
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>Creates the policy.</summary>
    /// <param name="credential">The account name and key; <see cref="AzureNamedKeyCredential.Update"/> rotates them.</param>
    public QueueSharedKeyPolicy(AzureNamedKeyCredential credential)
        : base(credential)
    {
    }

    /// <inheritdoc/>
    protected override string StringToSign(Request request, string accountName) => BuildStringToSign(request, accountName);

    internal static string BuildStringToSign(Request request, string accountName)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = string.Equals(name, "Content-Length", StringComparison.Ordinal)
                ? ContentLength(request)
                : SharedKeyRequestParts.Header(request, name);
            builder.Append(value).Append('\n');
        }

        AppendCanonicalizedHeaders(builder, request);
        AppendCanonicalizedResource(builder, request, accountName);
        return builder.ToString();
    }

    private static string ContentLength(Request request)
    {
        if (request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0)
        {
            return length.ToString(CultureInfo.InvariantCulture);
        }

        return string.Empty;
    }

    private static void AppendCanonicalizedHeaders(StringBuilder builder, Request request)
    {
        var storageHeaders = request.Headers
            .Where(header => header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Name.ToLowerInvariant(), Value: header.Value.Trim()))
            .OrderBy(header => header.Name, StringComparer.Ordinal);
        foreach (var (name, value) in storageHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, Request request, string accountName)
    {
        builder.Append('/').Append(accountName).Append(SharedKeyRequestParts.PathAsSent(request));
        var parameters = SharedKeyRequestParts.QueryParameters(request)
            .GroupBy(parameter => parameter.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            var values = group.Select(parameter => parameter.Value).Order(StringComparer.Ordinal);
            builder.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', values));
        }
    }
}
