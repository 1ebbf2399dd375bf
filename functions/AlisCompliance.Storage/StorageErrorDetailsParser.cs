using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace AlisCompliance.Storage;

/// <summary>
/// Turns a storage error response into <see cref="RequestFailedException.ErrorCode"/> (from <c>x-ms-error-code</c>,
/// else the body) and a message that names the operation, the status and the service's own explanation.
/// The Table service answers JSON (<c>odata.error</c>); the Queue service and authentication failures answer XML.
/// </summary>
internal sealed class StorageErrorDetailsParser(string operation, int attempts) : RequestFailedDetailsParser
{
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        var (bodyCode, bodyMessage) = ReadBody(response);
        code ??= bodyCode;

        var message = string.Create(CultureInfo.InvariantCulture, $"{operation} failed: {response.Status} ({response.ReasonPhrase})");
        if (!string.IsNullOrWhiteSpace(bodyMessage))
        {
            message += ": " + bodyMessage;
        }

        error = new ResponseError(code, message);
        data = attempts > 1
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["Attempts"] = attempts.ToString(CultureInfo.InvariantCulture) }
            : null;
        return true;
    }

    private static (string? Code, string? Message) ReadBody(Response response)
    {
        if (response.Content is null || response.Content.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        var text = response.Content.ToString().TrimStart();
        try
        {
            if (text.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("odata.error", out var odataError))
                {
                    var code = odataError.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var message = odataError.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                    return (code, FirstLine(message));
                }
            }
            else if (text.StartsWith('<'))
            {
                var root = XDocument.Parse(text).Root;
                return (root?.Element("Code")?.Value, FirstLine(root?.Element("Message")?.Value));
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            // Not a storage error body (e.g. a proxy's page); the status line says enough.
        }

        return (null, null);
    }

    private static string? FirstLine(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
