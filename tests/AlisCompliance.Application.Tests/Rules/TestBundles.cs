using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Tests.UseCases;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Tests.Rules;

/// <summary>Bundles made from the repository's rules/, with the edits the ALIS-kontor might make (or get wrong).</summary>
internal static class TestBundles
{
    public const string Deadline = """{ "Name": "transitionDeadline", "Expression": "Dates.Parse(\"2026-12-31\")" }""";
    public const string MovedDeadline = """{ "Name": "transitionDeadline", "Expression": "Dates.Parse(\"2027-12-31\")" }""";
    public const string DeadlinesPath = "workflows/deadlines.json";

    private const string PassedExpression = "\"Expression\": \"!onOldScheme || daysLeft >= 0\"";

    private static readonly Lazy<RuleBundle> LazyShipped = new(() => ServiceUnderTest.ShippedRules.ReadBundleAsync(CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>rules/ as it is: the version in force while nothing is published.</summary>
    public static RuleBundle Shipped => LazyShipped.Value;

    /// <summary>The transition deadline moved from 31.12.2026 to 31.12.2027: one line of deadlines.json.</summary>
    public static RuleBundle MovedDeadlineBundle => Edit(DeadlinesPath, text => Replace(text, Deadline, MovedDeadline));

    /// <summary>DL-TRANSITION-2026-PASSED's expression cut off in the middle.</summary>
    public static RuleBundle SyntaxError => Edit(DeadlinesPath, text => Replace(text, PassedExpression, "\"Expression\": \"!onOldScheme || daysLeft >= \""));

    /// <summary>DL-TRANSITION-2026-PASSED reads the file system.</summary>
    public static RuleBundle ForbiddenMember => Edit(DeadlinesPath, text => Replace(text, PassedExpression, "\"Expression\": \"!System.IO.File.Exists(\\\"x\\\")\""));

    /// <summary>The warning comes 30 days before the deadline instead of 182: the deadline tests expect a warning earlier.</summary>
    public static RuleBundle FailingTest => Edit(DeadlinesPath, text => Replace(text, "daysLeft < 0 || daysLeft > 182", "daysLeft < 0 || daysLeft > 30"));

    public static RuleBundle Edit(string path, Func<string, string> edit) =>
        RuleBundle.Of(Shipped.Files.Select(file => string.Equals(file.Name, path, StringComparison.Ordinal) ? file with { Json = edit(file.Json) } : file));

    public static RuleBundle Without(string folder) =>
        RuleBundle.Of(Shipped.Files.Where(file => !file.Name.StartsWith(folder, StringComparison.Ordinal)));

    public static RuleBundle With(RuleSource extra) => RuleBundle.Of([.. Shipped.Files, extra]);

    private static string Replace(string text, string old, string replacement)
    {
        text.Should().Contain(old, "the edit must find its line");
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }
}
