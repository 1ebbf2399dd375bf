using System.Globalization;
using System.Text.Json;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// Turns the files the Functions host reads into configuration keys for serve:
/// host.json's <c>extensions:*</c> go under <c>AzureWebJobs:extensions:*</c> (where the WebJobs SDK binds its extension
/// options, e.g. <c>QueuesOptions</c>) and its <c>logging:logLevel</c> under <c>Logging:LogLevel</c>; local.settings.json's
/// <c>Values</c> (the file <c>func start</c> reads) become settings, with <c>__</c> read as <c>:</c> as in environment variables.
/// </summary>
internal static class ServeConfiguration
{
    public const string StorageConnectionName = "AzureWebJobsStorage";

    /// <summary>host.json as the Functions host reads it: beside the program (the build copies the repository's file there).</summary>
    public static string DefaultHostJsonPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    public static Dictionary<string, string?> FromHostJson(string path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.TryGetProperty("extensions", out var extensions))
        {
            Flatten(extensions, "AzureWebJobs:extensions", settings);
        }

        if (root.TryGetProperty("logging", out var logging) && logging.TryGetProperty("logLevel", out var levels))
        {
            foreach (var level in levels.EnumerateObject())
            {
                var category = string.Equals(level.Name, "default", StringComparison.OrdinalIgnoreCase) ? "Default" : level.Name;
                settings["Logging:LogLevel:" + category] = level.Value.GetString();
            }
        }

        return settings;
    }

    /// <summary>local.settings.json's <c>Values</c>, or nothing when the file does not exist.</summary>
    public static Dictionary<string, string?> FromLocalSettings(string? path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (path is null || !File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var values))
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = Text(value.Value);
            }
        }

        return settings;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix + ":" + property.Name, settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index.ToString(CultureInfo.InvariantCulture), settings);
                    index++;
                }

                break;
            default:
                settings[prefix] = Text(element);
                break;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
