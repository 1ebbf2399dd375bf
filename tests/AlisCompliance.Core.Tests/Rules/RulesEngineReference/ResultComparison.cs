using AlisCompliance.Core.Rules;
using RulesEngine.Models;

namespace AlisCompliance.Core.Tests.Rules.RulesEngineReference;

/// <summary>Pass/fail of every rule, nested ones included, from both engines for one ALIS; messages are not compared.</summary>
internal sealed class ResultComparison
{
    private readonly List<string> differences = [];

    public int Compared { get; private set; }

    public int Failed { get; private set; }

    public IReadOnlyList<string> Differences => differences;

    public void Compare(string alisLabel, IReadOnlyList<RuleResult> ours, IReadOnlyList<RuleResultTree> reference)
    {
        var theirs = reference.ToDictionary(result => result.Rule.RuleName, StringComparer.Ordinal);
        foreach (var result in ours)
        {
            if (theirs.TryGetValue(result.Name, out var tree))
            {
                Compare(alisLabel, result, tree);
            }
            else
            {
                differences.Add($"{alisLabel}: {result.Name} has no RulesEngine result");
            }
        }
    }

    private void Compare(string alisLabel, RuleResult ours, RuleResultTree theirs)
    {
        Compared++;
        Failed += ours.IsSuccess ? 0 : 1;
        var theirException = Threw(theirs) ? theirs.ExceptionMessage : null;
        if (ours.IsSuccess != theirs.IsSuccess || ours.HasException != theirException is not null)
        {
            differences.Add($"{alisLabel}: {ours.Name}: ours {Describe(ours.IsSuccess, ours.ExceptionMessage)}, RulesEngine {Describe(theirs.IsSuccess, theirException)}");
            return;
        }

        var children = (theirs.ChildResults ?? []).ToDictionary(child => child.Rule.RuleName, StringComparer.Ordinal);
        foreach (var child in ours.ChildResults)
        {
            if (children.TryGetValue(child.Name, out var tree))
            {
                Compare(alisLabel, child, tree);
            }
            else
            {
                differences.Add($"{alisLabel}: {child.Name} has no RulesEngine result");
            }
        }
    }

    // RulesEngine puts a failed rule's ErrorMessage into ExceptionMessage too; only its own wording tells an exception apart.
    private static bool Threw(RuleResultTree result) =>
        result.ExceptionMessage is { } message
        && (message.StartsWith("Error while", StringComparison.Ordinal) || message.StartsWith("Exception while", StringComparison.Ordinal));

    private static string Describe(bool success, string? exception) =>
        (success ? "pass" : "fail") + (string.IsNullOrEmpty(exception) ? string.Empty : $" ({exception})");
}
