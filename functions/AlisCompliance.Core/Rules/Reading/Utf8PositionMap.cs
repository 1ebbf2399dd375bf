using System.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>Turns byte offsets in a UTF-8 document into 1-based line/column positions in UTF-16 units.</summary>
internal sealed class Utf8PositionMap
{
    private readonly byte[] utf8;
    private readonly int[] lineStarts;

    public Utf8PositionMap(byte[] utf8)
    {
        this.utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    public SourcePosition PositionOf(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, utf8.Length);
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, ColumnOf(line, offset - lineStarts[line]));
    }

    /// <summary>For System.Text.Json's exception positions: 0-based line and byte position in that line.</summary>
    public SourcePosition PositionInLine(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, lineStarts.Length - 1);
        var lineLength = (line + 1 < lineStarts.Length ? lineStarts[line + 1] : utf8.Length) - lineStarts[line];
        return new SourcePosition(line + 1, ColumnOf(line, (int)Math.Clamp(bytePositionInLine, 0, lineLength)));
    }

    private int ColumnOf(int line, int bytesIntoLine) =>
        Encoding.UTF8.GetCharCount(utf8, lineStarts[line], bytesIntoLine) + 1;
}
