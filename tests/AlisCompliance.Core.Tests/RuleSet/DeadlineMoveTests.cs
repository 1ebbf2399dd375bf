using NodaTime;

namespace AlisCompliance.Core.Tests.RuleSet;

/// <summary>DOMAIN.md: the transition deadline was moved more than once; moving it must be a one-line edit, tests included.</summary>
public sealed class DeadlineMoveTests : IDisposable
{
    private const string Deadline = """{ "Name": "transitionDeadline", "Expression": "Dates.Parse(\"2026-12-31\")" }""";
    private const string MovedDeadline = """{ "Name": "transitionDeadline", "Expression": "Dates.Parse(\"2027-12-31\")" }""";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "alis-rules-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_rule_tests_pass_on_the_rules_as_they_are()
    {
        using var rules = RulesFolder.Repository.Compile();

        var report = RulesFolder.Repository.RunTests(rules);

        report.Errors.Should().BeEmpty();
        report.Failures.Should().BeEmpty();
        report.Passed.Should().BeTrue();
    }

    [Fact]
    public void Moving_the_transition_deadline_is_one_line_and_keeps_the_rule_tests_green()
    {
        var copy = RulesFolder.CopyOfRepository(folder);
        var deadlines = Path.Combine(copy.Path, "workflows", "deadlines.json");
        var text = File.ReadAllText(deadlines);
        text.Should().Contain(Deadline, "the deadline is the one line the ALIS-kontor edits");
        File.WriteAllText(deadlines, text.Replace(Deadline, MovedDeadline, StringComparison.Ordinal));

        using var moved = copy.Compile();
        var report = copy.RunTests(moved);

        report.Errors.Should().BeEmpty();
        report.Failures.Should().BeEmpty("the deadline tests are written relative to transitionDeadline");
        moved.NamedDates["transitionDeadline"].Should().Be(new LocalDate(2027, 12, 31));
    }

    [Fact]
    public void Moving_the_transition_deadline_changes_only_the_transition_finding_of_the_sample()
    {
        var copy = RulesFolder.CopyOfRepository(folder);
        var deadlines = Path.Combine(copy.Path, "workflows", "deadlines.json");
        File.WriteAllText(deadlines, File.ReadAllText(deadlines).Replace(Deadline, MovedDeadline, StringComparison.Ordinal));
        var asOf = new LocalDate(2026, 11, 23);

        using var original = RulesFolder.Repository.Compile();
        using var moved = copy.Compile();
        var before = RulesFolder.Repository.CheckSample(original, asOf).Findings.Select(finding => $"{finding.AlisId} {finding.RuleId} {finding.Severity}: {finding.Message}").ToHashSet(StringComparer.Ordinal);
        var after = copy.CheckSample(moved, asOf).Findings.Select(finding => $"{finding.AlisId} {finding.RuleId} {finding.Severity}: {finding.Message}").ToHashSet(StringComparer.Ordinal);

        before.Except(after, StringComparer.Ordinal).Should().ContainSingle().Which.Should().StartWith("alis-04 DL-TRANSITION-2026 Warning");
        after.Except(before, StringComparer.Ordinal).Should().ContainSingle().Which.Should().StartWith("alis-04 DL-TRANSITION-2026 Info").And.Contain("31.12.2027");
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
