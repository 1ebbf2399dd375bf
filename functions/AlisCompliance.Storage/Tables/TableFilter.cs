using System.Globalization;

namespace AlisCompliance.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions with correctly written, safely quoted literals, so callers never
/// concatenate user data into a filter. <c>TableFilter.Create($"PartitionKey eq {municipality} and Hours gt {10L}")</c>.
/// </summary>
public static class TableFilter
{
    /// <summary>
    /// Formats an interpolated filter, writing every interpolated value as an OData literal (strings quoted with
    /// single quotes doubled; <c>datetime'…'</c>, <c>guid'…'</c>, <c>42L</c>, <c>X'0a0b'</c> as the type requires).
    /// </summary>
    /// <param name="filter">The filter with interpolated values.</param>
    /// <returns>The filter text.</returns>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(argument => (object)Literal(argument)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>A string literal: the value in single quotes, with every single quote inside doubled.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The literal, e.g. <c>'O''Brien'</c>.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>The OData literal for a value of a supported type.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value), "A table filter cannot compare with null; Azure Table storage has no null."),
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        int small => small.ToString(CultureInfo.InvariantCulture),
        long large => large.ToString(CultureInfo.InvariantCulture) + "L",
        double number => DoubleLiteral(number),
        DateTimeOffset date => "datetime'" + date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime { Kind: DateTimeKind.Utc } utc => Literal(new DateTimeOffset(utc)),
        Guid guid => "guid'" + guid.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        BinaryData binary => "X'" + Convert.ToHexStringLower(binary.ToMemory().Span) + "'",
        _ => throw new ArgumentException($"A table filter cannot hold a {value.GetType().Name}; use string, bool, int, long, double, DateTimeOffset, Guid or binary.", nameof(value)),
    };

    /// <summary><c>PartitionKey eq '…'</c>.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <returns>The filter.</returns>
    public static string PartitionKeyEquals(string partitionKey) => "PartitionKey eq " + Quote(partitionKey);

    /// <summary>All conditions, each in parentheses, joined with <c>and</c>.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The filter.</returns>
    public static string And(params string[] conditions) => Join("and", conditions);

    /// <summary>Any condition, each in parentheses, joined with <c>or</c>.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The filter.</returns>
    public static string Or(params string[] conditions) => Join("or", conditions);

    private static string Join(string op, string[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Length == 0)
        {
            throw new ArgumentException("Give at least one condition.", nameof(conditions));
        }

        return conditions.Length == 1 ? conditions[0] : string.Join($" {op} ", conditions.Select(condition => "(" + condition + ")"));
    }

    private static string DoubleLiteral(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException("A table filter cannot compare with NaN or infinity.", nameof(number));
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".E") < 0 ? text + ".0" : text;
    }
}
