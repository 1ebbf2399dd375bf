using System.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Maps each character of an unescaped JSON string to its offset in the raw (escaped) string,
/// so positions inside expressions survive escapes such as \" and \u00e5.
/// </summary>
internal static class EscapedStringMap
{
    public static IReadOnlyList<int>? Build(ReadOnlySpan<byte> rawUtf8, int unescapedLength)
    {
        var raw = Encoding.UTF8.GetString(rawUtf8);
        var map = new int[unescapedLength + 1];
        var unescaped = 0;
        var index = 0;
        while (index < raw.Length && unescaped < unescapedLength)
        {
            map[unescaped++] = index;
            if (raw[index] != '\\' || index + 1 >= raw.Length)
            {
                index++;
            }
            else
            {
                index += raw[index + 1] == 'u' ? 6 : 2;
            }
        }

        if (unescaped != unescapedLength || index != raw.Length)
        {
            return null;
        }

        map[unescapedLength] = raw.Length;
        return map;
    }
}
