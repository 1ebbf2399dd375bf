using System.Text.RegularExpressions;

namespace AlisCompliance.Storage.Queues;

/// <summary>Queue names: 3-63 lower-case letters, digits and single dashes, starting and ending with a letter or digit.</summary>
internal static partial class QueueNameValidator
{
    public static void Validate(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (!QueueNamePattern().IsMatch(queueName))
        {
            throw new ArgumentException(
                $"'{queueName}' is not a valid queue name: use 3 to 63 lower-case letters, digits and single dashes, starting and ending with a letter or digit.",
                nameof(queueName));
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QueueNamePattern();
}
