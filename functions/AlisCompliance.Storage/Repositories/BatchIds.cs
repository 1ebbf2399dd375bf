using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NodaTime;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// Ids of ingest batches: <c>yyyyMMddTHHmmssfffZ-xxxxxxxx</c> (UTC time of the ingest and 32 random bits), so they sort
/// by time and two ingests in the same millisecond still differ. A batch id is the first segment of its rows' keys.
/// </summary>
public static partial class BatchIds
{
    /// <summary>As long as any generated id, for checking key lengths before the id exists.</summary>
    internal const string Longest = "20000101T000000000Z-00000000";

    public static string New(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var time = clock.GetCurrentInstant().ToDateTimeOffset().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        return time + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    /// <summary>Throws unless the id is 1-40 letters, digits and dashes (no key separator, nothing to escape).</summary>
    public static void Validate(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        if (!Pattern().IsMatch(batchId) || string.Equals(batchId, RecordKeys.Current, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A batch id is 1-40 letters, digits and dashes; '{batchId}' is not.", nameof(batchId));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
