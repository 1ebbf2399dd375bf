using System.Text.RegularExpressions;

namespace AlisCompliance.Storage.Tables;

/// <summary>Table names: 3-63 letters and digits, starting with a letter, not the reserved "tables".</summary>
internal static partial class TableNameValidator
{
    public static void Validate(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || string.Equals(tableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: use 3 to 63 letters and digits, starting with a letter (and not \"tables\").",
                nameof(tableName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TableNamePattern();
}
