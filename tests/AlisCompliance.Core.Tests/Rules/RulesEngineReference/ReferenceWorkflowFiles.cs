using System.Text.Json;
using System.Text.Json.Serialization;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>Reads workflow files the way a RulesEngine user does: JSON straight into RulesEngine's own model.</summary>
internal static class ReferenceWorkflowFiles
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<ReWorkflow> Read(IEnumerable<string> jsonFiles) =>
        [.. jsonFiles.SelectMany(Read)];

    public static IReadOnlyList<ReWorkflow> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.Deserialize<ReWorkflow[]>(Options)!
            : [document.RootElement.Deserialize<ReWorkflow>(Options)!];
    }
}
