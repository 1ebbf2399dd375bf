using System.Globalization;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// Reads the multipart/mixed answer of a batch: nested changesets are opened, and each <c>application/http</c>
/// part becomes one <see cref="BatchOperationResponse"/> in order.
/// </summary>
internal static class MultipartMixedReader
{
    public static IReadOnlyList<BatchOperationResponse> Read(string contentType, string body)
    {
        var responses = new List<BatchOperationResponse>();
        ReadMultipart(BoundaryOf(contentType), body, responses);
        return responses;
    }

    private static void ReadMultipart(string boundary, string body, List<BatchOperationResponse> responses)
    {
        var delimiter = "--" + boundary;
        var sections = body.Split(delimiter, StringSplitOptions.None);

        // sections[0] is the preamble; a section starting with "--" follows the closing delimiter.
        foreach (var section in sections.Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var (_, headers, content) = SplitHead(section.TrimStart('\r', '\n'), hasStatusLine: false);
            var partType = headers.GetValueOrDefault("Content-Type", string.Empty);
            if (partType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                ReadMultipart(BoundaryOf(partType), content, responses);
            }
            else if (partType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
            {
                responses.Add(ReadHttpResponse(content));
            }
        }
    }

    private static BatchOperationResponse ReadHttpResponse(string content)
    {
        var (statusLine, headers, body) = SplitHead(content.TrimStart('\r', '\n'), hasStatusLine: true);
        var pieces = statusLine.Split(' ', 3);
        if (pieces.Length < 2 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException("The batch answer has a part without an HTTP status line.");
        }

        return new BatchOperationResponse(status, headers, body.TrimEnd('\r', '\n'));
    }

    /// <summary>Splits a part into its first line (when it is a status line), its headers and its content.</summary>
    private static (string StatusLine, Dictionary<string, string> Headers, string Content) SplitHead(string part, bool hasStatusLine)
    {
        var end = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var separatorLength = 4;
        if (end < 0)
        {
            end = part.IndexOf("\n\n", StringComparison.Ordinal);
            separatorLength = 2;
        }

        var head = end < 0 ? part : part[..end];
        var content = end < 0 ? string.Empty : part[(end + separatorLength)..];
        var lines = head.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var statusLine = hasStatusLine && lines.Count > 0 ? lines[0] : string.Empty;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(hasStatusLine ? 1 : 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (statusLine, headers, content);
    }

    private static string BoundaryOf(string contentType)
    {
        foreach (var parameter in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return parameter["boundary=".Length..].Trim('"');
            }
        }

        throw new FormatException("The batch answer's Content-Type has no multipart boundary.");
    }
}
