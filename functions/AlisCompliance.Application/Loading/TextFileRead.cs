namespace AlisCompliance.Application.Loading;

/// <summary>A text file's contents, or why it could not be used (Norwegian, without the path: the caller names the file).</summary>
public sealed record TextFileRead(string? Text, string? Problem)
{
    public bool IsRead => Text is not null;

    public static TextFileRead Refused(string problem) => new(null, problem);
}
