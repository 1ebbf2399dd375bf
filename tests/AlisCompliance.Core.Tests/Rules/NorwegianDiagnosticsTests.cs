using System.Text.RegularExpressions;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>
/// Every diagnostic the hostile and broken rules produce is Norwegian, so a new English message fails here
/// before a rule editor meets it. Roslyn's own messages may pass through, but only after the Norwegian lead-in.
/// </summary>
public sealed partial class NorwegianDiagnosticsTests
{
    private const string CompilerLeadIn = "C#-kompilatoren melder (på engelsk):";

    /// <summary>Broken rules beyond the corpora: names, placeholders and scopes.</summary>
    private static readonly string[] BrokenWorkflows =
    [
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("TWICE", "true"), RuleTestKit.Rule("TWICE", "true")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "true", null, ("__secret", "1"))),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "true", null, ("class", "1"))),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "true", null, ("order", "1"))),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "true", null, ("x", "1"), ("x", "2"))),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "false", "Timer: $(order.Total")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "false", "Timer: $( )")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Total > \"x\"")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Total >")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Number == \"x")),
        RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Lines.First(1)")),
    ];

    [Fact]
    public void No_diagnostic_from_hostile_or_broken_rules_is_in_English()
    {
        var workflows = HostileRulesCorpus.Cases
            .Where(hostile => hostile.Outcome == HostileOutcome.RefusedAtCompileTime)
            .Select(HostileRulesCorpusTests.Workflow)
            .Concat(SandboxCorpusTests.Corpus.Select(row => SandboxCorpusTests.HostileWorkflow((SandboxCorpusTests.Place)row[0], (string)row[1])))
            .Concat(BrokenWorkflows)
            .ToList();

        var diagnostics = workflows.SelectMany(Diagnostics).ToList();

        diagnostics.Should().HaveCountGreaterThanOrEqualTo(workflows.Count, "every workflow is refused with at least one diagnostic");
        var english = diagnostics.Where(diagnostic => EnglishWords().IsMatch(OwnWords(diagnostic.Message))).Select(diagnostic => diagnostic.ToString()).ToList();
        english.Should().BeEmpty("every message a rule editor sees is Norwegian");
    }

    [Theory]
    [InlineData("'System.IO.File' is not allowed in rule expressions.")]
    [InlineData("Query syntax is not supported.")]
    [InlineData("A parameter cannot hold a lambda.")]
    [InlineData(") expected")]
    [InlineData("Rule expressions must be free of side effects.")]
    public void The_scan_recognises_English(string message)
    {
        EnglishWords().IsMatch(OwnWords(message)).Should().BeTrue();
    }

    [Fact]
    public void Compiler_messages_passed_through_are_led_in_in_Norwegian()
    {
        // A LINQ call without its arguments (CS1501) is rare enough not to be translated.
        var diagnostics = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Lines.Select().Any()")));

        var passedThrough = diagnostics.Should().ContainSingle().Subject;
        passedThrough.Code.Should().StartWith("CS");
        passedThrough.Message.Should().StartWith(CompilerLeadIn);
        EnglishWords().IsMatch(OwnWords(passedThrough.Message)).Should().BeFalse();
    }

    private static IEnumerable<RuleDiagnostic> Diagnostics(string json)
    {
        var read = WorkflowReader.Read(json, RuleTestKit.SourceFile);
        return read.Succeeded ? [.. read.Diagnostics, .. RuleTestKit.CompileErrors(json)] : read.Diagnostics;
    }

    // What Roslyn wrote after the lead-in is its own English; the rest is ours.
    private static string OwnWords(string message)
    {
        var leadIn = message.IndexOf(CompilerLeadIn, StringComparison.Ordinal);
        return leadIn < 0 ? message : message[..(leadIn + CompilerLeadIn.Length)];
    }

    [GeneratedRegex(@"\b(is not allowed|not allowed|not supported|cannot|expected|must|the|is not|only|use)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishWords();
}
