using System.Globalization;
using System.Text;

namespace AlisCompliance.Application.Text;

/// <summary>
/// Text from files (ids, names, rule names, messages) made safe for a terminal: control characters such as ESC would
/// otherwise move the cursor, recolour or hide output. Each is shown as a visible escape (<c>\u001B</c>); line breaks
/// inside one value are shown the same way, so one value stays on one line.
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsControl))
        {
            return text ?? string.Empty;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            if (IsControl(character))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:X4}");
            }
            else
            {
                safe.Append(character);
            }
        }

        return safe.ToString();
    }

    private static bool IsControl(char character) => char.IsControl(character) || character is '\u2028' or '\u2029' or '\u202E';
}
