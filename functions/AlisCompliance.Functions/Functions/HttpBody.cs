using AlisCompliance.Application.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlisCompliance.Functions.Functions;

/// <summary>Reading a request body within its limit, and copying a use case's <see cref="HttpAnswer"/> onto the response.</summary>
internal static class HttpBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    public static Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        BoundedBody.ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);

    public static ContentResult ToActionResult(this HttpAnswer answer) => new()
    {
        StatusCode = answer.StatusCode,
        ContentType = answer.ContentType,
        Content = answer.Body,
    };

    /// <summary>
    /// Who is calling, for the audit log: App Service Authentication's principal id when present, else the function key's
    /// holder. Ids only, never names.
    /// </summary>
    public static string ActorId(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString() is { Length: > 0 } principal ? principal : "function-key";
}
