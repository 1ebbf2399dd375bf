using System.Globalization;

namespace AlisCompliance.Storage;

/// <summary>
/// Checks PartitionKey and RowKey values before a request goes out, so a bad key fails with a clear
/// <see cref="ArgumentException"/> instead of a 400 from the service.
/// </summary>
internal static class TableKeyValidator
{
    /// <summary>1 KiB of UTF-16: 512 characters (Azurite enforces the same 512).</summary>
    public const int MaxKeyLength = 512;

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        Validate(partitionKey, "PartitionKey");
        Validate(rowKey, "RowKey");
    }

    /// <summary>Throws when the key is too long or has a character Azure Table storage does not allow in keys.</summary>
    /// <param name="key">The key value (never put in the message: keys can be long; the position is enough).</param>
    /// <param name="keyName">"PartitionKey" or "RowKey".</param>
    public static void Validate(string key, string keyName)
    {
        ArgumentNullException.ThrowIfNull(key, keyName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {keyName} has {key.Length} characters; Azure Table keys may be at most 1 KiB ({MaxKeyLength} UTF-16 characters)."),
                keyName);
        }

        for (var index = 0; index < key.Length; index++)
        {
            var character = key[index];
            if (IsForbidden(character))
            {
                var shown = char.IsControl(character) ? "a control character" : $"'{character}'";
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The {keyName} contains {shown} (U+{(int)character:X4}) at position {index}; Azure Table keys must not contain '/', '\\', '#', '?' or control characters U+0000-U+001F and U+007F-U+009F."),
                    keyName);
            }
        }
    }

    private static bool IsForbidden(char character) =>
        character is '/' or '\\' or '#' or '?' or (>= '\u0000' and <= '\u001F') or (>= '\u007F' and <= '\u009F');
}
