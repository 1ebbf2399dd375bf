namespace AlisCompliance.Core.Rules;

/// <summary>
/// Reads workflow files in Microsoft RulesEngine's JSON format. Never throws for bad input: every
/// problem comes back as a <see cref="RuleDiagnostic"/> with file, line and column.
/// </summary>
public static class WorkflowReader
{
    private const string SchemaFileSuffix = ".schema.json";

    /// <summary>Reads one workflow from <paramref name="json"/>; <paramref name="sourceName"/> names it in diagnostics.</summary>
    public static WorkflowReadResult Read(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            return WorkflowJsonParser.Parse(json, sourceName);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A safety net: the parser reports problems itself, but a reader error must never escape as an exception.
            return Failed(sourceName, new SourcePosition(1, 1), RuleDiagnosticCodes.InvalidJson, $"The file could not be read as a workflow: {exception.Message}");
        }
    }

    public static WorkflowReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed(path, default, RuleDiagnosticCodes.UnreadableFile, $"The file could not be read: {exception.Message}");
        }

        return Read(json, path);
    }

    /// <summary>
    /// Reads every <c>*.json</c> file in <paramref name="directory"/> (not subdirectories) in file-name order,
    /// skipping JSON schemas (<c>*.schema.json</c>).
    /// </summary>
    public static WorkflowReadResult ReadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.json");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Failed(directory, default, RuleDiagnosticCodes.UnreadableFile, $"The workflow directory could not be read: {exception.Message}");
        }

        return WorkflowReadResult.Combine(files
            .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                           && !file.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(ReadFile));
    }

    private static WorkflowReadResult Failed(string source, SourcePosition position, string code, string message) =>
        new([], [new RuleDiagnostic(source, null, null, null, position, code, message)]);
}
