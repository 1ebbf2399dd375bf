using System.Text.Json;

namespace AlisCompliance.Application.Hosting;

/// <summary>
/// The ids in a queue message (<c>{"municipalityId","alisId",…}</c>), for operational logs and <c>alis poison list</c>: ids only, never the rest of
/// the body. Missing or unreadable ids are "?".
/// </summary>
public sealed record QueueMessageIds(string MunicipalityId, string AlisId)
{
    private const string Unknown = "?";

    public static QueueMessageIds Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return new(Unknown, Unknown);
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new(Text(document.RootElement, "municipalityId"), Text(document.RootElement, "alisId"))
                : new(Unknown, Unknown);
        }
        catch (JsonException)
        {
            return new(Unknown, Unknown);
        }
    }

    private static string Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id ? id : Unknown;
}
