using Azure.Core;

namespace AlisCompliance.Storage.Authentication;

/// <summary>The pieces of a request that both Shared Key canonicalizations read.</summary>
internal static class SharedKeyRequestParts
{
    /// <summary>The request path exactly as it goes on the wire (percent-escaped), never empty.</summary>
    public static string PathAsSent(Request request)
    {
        var path = request.Uri.ToUri().AbsolutePath;
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>The query parameters with lower-case names and decoded values, in the order given.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> QueryParameters(Request request)
    {
        var query = request.Uri.Query;
        var parameters = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query))
        {
            return parameters;
        }

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add(new(Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value)));
        }

        return parameters;
    }

    public static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
