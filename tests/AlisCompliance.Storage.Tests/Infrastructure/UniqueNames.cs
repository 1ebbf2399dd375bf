namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>Table and queue names no other test uses, so tests can share one Azurite and run in parallel.</summary>
internal static class UniqueNames
{
    /// <summary>Letters and digits, starting with a letter, at most 63 characters.</summary>
    public static string Table(string purpose)
    {
        var prefix = new string([.. purpose.Where(char.IsAsciiLetterOrDigit).Take(20)]);
        return "t" + prefix + Guid.NewGuid().ToString("N")[..24];
    }

    /// <summary>Lower-case letters, digits and single dashes, at most 63 characters.</summary>
    public static string Queue(string purpose)
    {
        var prefix = new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)]);
        return "q" + prefix + "-" + Guid.NewGuid().ToString("N")[..24];
    }
}
