using System.Text.Encodings.Web;
using System.Text.Json;

namespace AlisCompliance.Application.Hosting;

/// <summary>How answers are written as JSON: camelCase, Norwegian letters as they are (not \u escapes).</summary>
public static class JsonAnswers
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static HttpAnswer Create<T>(int statusCode, T body) => new(statusCode, HttpAnswer.Json, JsonSerializer.Serialize(body, Options));
}
