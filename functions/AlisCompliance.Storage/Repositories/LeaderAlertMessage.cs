using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The <c>leader-alerts</c> queue message: which stored alert to deliver. Ids only; the alert holds the rest.</summary>
public sealed record LeaderAlertMessage(
    [property: JsonPropertyName("municipalityId")] string MunicipalityId,
    [property: JsonPropertyName("alisId")] string AlisId,
    [property: JsonPropertyName("alertId")] string AlertId)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a message; null when the text is not such a message.</summary>
    public static LeaderAlertMessage? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<LeaderAlertMessage>(text);
            return message is { MunicipalityId.Length: > 0, AlisId.Length: > 0, AlertId.Length: > 0 } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
