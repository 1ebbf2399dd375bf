using System.Text;
using System.Text.Json.Nodes;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>
/// The rules that used to overflow the stack (exit code 134), each run through `alis rules validate` in a
/// child process: a crash there fails this test instead of taking the test run down, and the exit code
/// shows the process refused the rule and ended normally.
/// </summary>
public sealed class RulesValidateInChildProcessTests
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string> FormerCrashes => new()
    {
        { "10 000 nested parentheses", new string('(', 10_000) + "true" + new string(')', 10_000) },
        { "true && … with 40 000 terms", string.Join(" && ", Enumerable.Repeat("true", 40_000)) },
        { "700 nested lambdas", NestedLambdas(700) },
    };

    [Theory]
    [MemberData(nameof(FormerCrashes))]
    public async Task A_rule_that_used_to_overflow_the_stack_is_refused_with_exit_code_2(string name, string expression)
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var workflow = new JsonObject
        {
            ["WorkflowName"] = "hostile",
            ["Rules"] = new JsonArray(new JsonObject
            {
                ["RuleName"] = "HOSTILE",
                ["Expression"] = expression,
                ["ErrorMessage"] = "Regelen er brutt.",
                ["Properties"] = new JsonObject
                {
                    ["legalReference"] = "Spesialistforskriften § 25",
                    ["audience"] = new JsonArray("leader"),
                    ["severity"] = "warning",
                },
            }),
        };
        File.WriteAllText(rules.File("workflows", "hostile.json"), workflow.ToJsonString());

        var (exitCode, error) = await AlisChildProcess.RunAsync(Quickly, "rules", "validate", rules.Path);

        exitCode.Should().Be(2, $"{name}: {error}");
        error.Should().MatchRegex(@"hostile\.json\(\d+,\d+\): HOSTILE Expression: error RULE014: .*Forenkle", name);
    }

    private static string NestedLambdas(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("alis.Sessions.Any(s").Append(i).Append(" => ");
        }

        return text.Append("true").Append(')', depth).ToString();
    }
}
