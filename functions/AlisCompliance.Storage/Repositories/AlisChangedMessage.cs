using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlisCompliance.Storage.Repositories;

/// <summary>The <c>alis-changed</c> queue message: which ALIS to evaluate, and the batch in force when it was sent.</summary>
public sealed record AlisChangedMessage(
    [property: JsonPropertyName("municipalityId")] string MunicipalityId,
    [property: JsonPropertyName("alisId")] string AlisId,
    [property: JsonPropertyName("batchId")] string BatchId)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a message; null when the text is not such a message (the caller poisons it).</summary>
    public static AlisChangedMessage? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<AlisChangedMessage>(text);
            return message is { MunicipalityId.Length: > 0, AlisId.Length: > 0, BatchId: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
