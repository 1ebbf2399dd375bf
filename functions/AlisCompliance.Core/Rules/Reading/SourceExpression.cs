namespace AlisCompliance.Core.Rules;

/// <summary>
/// A C# expression (or an ErrorMessage template) as written in a workflow file, with the position of
/// its first character inside the JSON string.
/// </summary>
public sealed record SourceExpression(string Text, SourcePosition Position)
{
    // Only set when the JSON string contained escapes (\" \\ \n \uXXXX …): entry i is the column offset
    // of Text[i] inside the raw JSON string, so diagnostics still point at the right column.
    internal IReadOnlyList<int>? RawOffsets { get; init; }

    /// <summary>The file position of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    public SourcePosition PositionAt(int offset)
    {
        if (!Position.IsKnown)
        {
            return Position;
        }

        var clamped = Math.Clamp(offset, 0, Text.Length);
        var rawOffset = RawOffsets is { } map && map.Count == Text.Length + 1 ? map[clamped] : clamped;
        return Position with { Column = Position.Column + rawOffset };
    }
}
