using System.Text.Json;

namespace AlisCompliance.Application.Hosting;

/// <summary>
/// How request JSON is parsed: a duplicate property is an error (two readers could otherwise disagree on which one
/// counts), and so is anything after the value (JsonDocument refuses trailing content by itself).
/// </summary>
public static class StrictJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };
}
