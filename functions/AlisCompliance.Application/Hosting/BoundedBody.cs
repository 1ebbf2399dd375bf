using System.Buffers;

namespace AlisCompliance.Application.Hosting;

/// <summary>Reads a request body into memory within a limit, for the Azure worker and serve alike.</summary>
public static class BoundedBody
{
    /// <summary>
    /// The largest records file either host reads into memory (16 MiB, below Kestrel's default request limit): beyond
    /// it the answer is 413 without calling the use case, which keeps its own, smaller limit with the message people see.
    /// </summary>
    public const int MaxIngestBytes = 16 * 1024 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var copy = new MemoryStream(declaredLength is { } length ? (int)length : 0);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                if (copy.Length + read > maxBytes)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return copy.ToArray();
    }

    /// <summary>The largest body of any other request with one (a rule set bundle, a small JSON command).</summary>
    public const int MaxJsonBytes = 1024 * 1024;
}
