namespace AlisCompliance.Storage.Ingest;

/// <summary>One records file of an ingest: the name errors are reported under, and its JSON text.</summary>
/// <param name="Source">The file name or upload name.</param>
/// <param name="Json">The text.</param>
public sealed record IngestFile(string Source, string Json)
{
    /// <summary>
    /// Why the caller could not read the file (too large, not UTF-8, not a regular file …), in Norwegian; such a file
    /// is reported with this problem and makes the batch rejected, like any other bad file.
    /// </summary>
    public string? Problem { get; init; }
}
