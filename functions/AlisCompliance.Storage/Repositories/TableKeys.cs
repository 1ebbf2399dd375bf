using System.Globalization;
using System.Text;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Builds PartitionKey and RowKey values from ids. Ids come from records files and may hold any character, so each
/// segment is percent-escaped: the characters Azure Tables forbids in keys (<c>/ \ # ?</c> and control characters),
/// our separator <c>|</c>, and <c>%</c> itself. Escaping keeps prefixes exact: <c>a|3417|</c> starts only the keys of
/// municipality 3417, whatever the ids hold.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';

    /// <summary>The longest key Azure Tables accepts, in UTF-16 characters (1 KiB).</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Escapes one key segment.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The segment.</returns>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (NeedsEscape(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    /// <param name="segment">The escaped segment.</param>
    /// <returns>The id.</returns>
    public static string Unescape(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!segment.Contains('%', StringComparison.Ordinal))
        {
            return segment;
        }

        var builder = new StringBuilder(segment.Length);
        for (var index = 0; index < segment.Length; index++)
        {
            if (segment[index] == '%' && index + 2 < segment.Length)
            {
                var code = int.Parse(segment.AsSpan(index + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                builder.Append((char)code);
                index += 2;
            }
            else
            {
                builder.Append(segment[index]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes every segment and joins them with <see cref="Separator"/>.</summary>
    /// <param name="segments">The ids.</param>
    /// <returns>The key.</returns>
    public static string Join(params string[] segments) => string.Join(Separator, segments.Select(Escape));

    private static bool NeedsEscape(char character) =>
        character is '%' or '|' or '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');
}
