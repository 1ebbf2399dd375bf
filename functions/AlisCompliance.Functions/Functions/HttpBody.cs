using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AlisCompliance.Application.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AlisCompliance.Functions.Functions;

/// <summary>Reading a request body within a limit, and copying a use case's <see cref="HttpAnswer"/> onto the response.</summary>
internal static class HttpBody
{
    /// <summary>
    /// The largest records file the ingest function reads into memory (16 MiB, below Kestrel's default request limit; serve uses the same): beyond it the function answers 413 without
    /// calling the use case. The use case keeps its own, smaller limit with the message people see.
    /// </summary>
    public const int MaxIngestBytes = 16 * 1024 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return body.ToArray();
    }

    /// <summary>413 with a Norwegian message, in the JSON shape of the use cases' own error answers.</summary>
    public static HttpAnswer TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        HttpAnswer.Json,
        JsonSerializer.Serialize(new { message = string.Create(CultureInfo.InvariantCulture, $"Forespørselen er for stor: høyst {maxBytes / (1024 * 1024)} MiB.") }));

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
