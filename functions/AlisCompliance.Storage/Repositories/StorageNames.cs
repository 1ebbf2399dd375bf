using System.Text.RegularExpressions;

namespace AlisCompliance.Storage.Repositories;

/// <summary>
/// The tables and the queues the app uses. <see cref="Default"/> in production; <see cref="WithPrefix"/> gives a separate set
/// in the same account (each test its own, so tests run in parallel on one Azurite).
/// </summary>
public sealed partial record StorageNames(
    string Records,
    string Municipalities,
    string Findings,
    string Alerts,
    string Digests,
    string RuleSets,
    string Audit,
    string AlisChangedQueue,
    string LeaderAlertsQueue)
{
    public static StorageNames Default { get; } = new("records", "municipalities", "findings", "alerts", "digests", "rulesets", "audit", "alis-changed", "leader-alerts");

    /// <summary>Every table name.</summary>
    public IReadOnlyList<string> Tables => [Records, Municipalities, Findings, Alerts, Digests, RuleSets, Audit];

    /// <summary>The default names behind a prefix: tables <c>{prefix}records</c> …, the queue <c>{prefix}-alis-changed</c>.</summary>
    /// <param name="prefix">1-40 lower-case letters and digits, starting with a letter.</param>
    /// <returns>The names.</returns>
    public static StorageNames WithPrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException($"A storage prefix is 1-40 lower-case letters and digits starting with a letter; '{prefix}' is not.", nameof(prefix));
        }

        return new StorageNames(
            prefix + "records",
            prefix + "municipalities",
            prefix + "findings",
            prefix + "alerts",
            prefix + "digests",
            prefix + "rulesets",
            prefix + "audit",
            prefix + "-alis-changed",
            prefix + "-leader-alerts");
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,39}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PrefixPattern();
}
