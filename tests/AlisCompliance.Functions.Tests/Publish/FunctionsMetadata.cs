using System.Text.Json;
using AlisCompliance.Cli.Serve;

namespace AlisCompliance.Functions.Tests.Publish;

/// <summary>The published worker's functions.metadata (what the Functions host indexes), read into serve's binding shape.</summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyList<ServeBinding> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var name = function.GetProperty("name").GetString()!;
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return trigger.GetProperty("type").GetString() switch
            {
                "httpTrigger" => new ServeBinding(
                    name,
                    ServeTrigger.Http,
                    Route: trigger.GetProperty("route").GetString(),
                    Method: trigger.GetProperty("methods").EnumerateArray().Single().GetString()!.ToUpperInvariant()),
                "queueTrigger" => new ServeBinding(name, ServeTrigger.Queue, Queue: trigger.GetProperty("queueName").GetString()),
                "timerTrigger" => new ServeBinding(name, ServeTrigger.Timer, Schedule: trigger.GetProperty("schedule").GetString()),
                var other => throw new InvalidOperationException($"{name}: unexpected trigger {other}"),
            };
        })];
    }
}
