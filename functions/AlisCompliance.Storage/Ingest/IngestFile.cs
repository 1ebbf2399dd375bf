namespace AlisCompliance.Storage.Ingest;

/// <summary>One records file of an ingest: the name errors are reported under, and its JSON text.</summary>
/// <param name="Source">The file name or upload name.</param>
/// <param name="Json">The text.</param>
public sealed record IngestFile(string Source, string Json)
{
    /// <summary>
    /// The file's size in bytes when the caller knows it without reading it (a file on disk). A size above the limit
    /// is refused unread, so a caller may pass an empty <see cref="Json"/> for a file too large to load.
    /// </summary>
    public long? DeclaredBytes { get; init; }
}
