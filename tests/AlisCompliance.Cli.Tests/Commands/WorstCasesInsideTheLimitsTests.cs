using System.Text;
using System.Text.Json.Nodes;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Cli.Tests.Commands;

/// <summary>
/// The backstop behind the limits before the compiler (ExpressionLimits: 3 000 characters, 40 brackets inside one another,
/// 3 lambdas inside one another and 8 in all, 600 terms): expressions just inside every limit, built to make Roslyn's
/// parser and binder recurse or search as much as they can, compile in a child process with the default stack size.
/// Exit code 0 says that each stayed inside the limits, compiled and passed the sandbox, and that nothing overflowed
/// the stack; the timeout says that compiling them all ends in bounded time.
/// </summary>
public sealed class WorstCasesInsideTheLimitsTests
{
    // Generous for a loaded 2-core machine: on one, all of them compile in well under a minute. Six nested Sum
    // lambdas, which the lambda limits now refuse, took more than five minutes on their own.
    private static readonly TimeSpan Bounded = TimeSpan.FromMinutes(4);

    public static IReadOnlyList<(string Name, string Expression)> WorstCases =>
    [
        ("BRACKETS-AND-LAMBDAS", NestedLambdas("Any", 3, new string('(', 37) + "s2.Hours + " + string.Join("+", Enumerable.Repeat("1", 590)) + new string(')', 37) + " > 0")),
        ("TERMS-NEAR-3000-CHARACTERS", "asOf.Day+" + string.Join("+", Enumerable.Repeat("1000", 598)) + ">0"),
        ("CONDITIONAL-CHAIN", "t?" + string.Concat(Enumerable.Repeat("t:t?", 597)) + "t:t"),
        ("COALESCE-CHAIN", "(" + string.Concat(Enumerable.Repeat("n??", 598)) + "asOf) >= asOf"),
        ("NOT-CHAIN", new string('!', 2990) + "t"),
        ("COMPLEMENT-CHAIN", new string('~', 2980) + "1 != 0"),
        ("NEGATION-CHAIN", string.Concat(Enumerable.Repeat("- ", 598)) + "1 < 0"),
        ("CAST-CHAIN", string.Concat(Enumerable.Repeat("(long)", 495)) + "1 > 0"),
        ("STRING-CONCATENATION", "\"a\"" + string.Concat(Enumerable.Repeat("+\"a\"", 598)) + " != \"\""),
        ("METHOD-CHAIN", "asOf" + string.Concat(Enumerable.Repeat(".PlusDays(1)", 248)) + " > asOf"),
        ("LINQ-CHAIN", "alis.Sessions" + string.Concat(Enumerable.Repeat(".Where(s=>true).Select(s=>s)", 4)) + string.Concat(Enumerable.Repeat(".Skip(0)", 350)) + ".Any()"),
        ("OVERLOADED-LAMBDAS", string.Join(" && ", NestedLambdas("Sum", 3, "s2.Hours") + " > 0", NestedLambdas("Max", 3, "s2.Hours") + " > 0", "alis.Sessions.Average(a => a.Hours) > 0", "alis.Sessions.Min(b => b.Hours) > 0")),
    ];

    [Fact]
    public async Task Expressions_just_inside_every_limit_compile_without_overflowing_the_stack()
    {
        using var rules = TempFolder.CopyOf(RepositoryRoot.Combine("rules"));
        var workflow = new JsonObject
        {
            ["WorkflowName"] = "worst-cases",
            ["GlobalParams"] = new JsonArray(Param("t", "true"), Param("n", "alis.ConversionDate")),
            ["Rules"] = new JsonArray([.. WorstCases.Select(worst => (JsonNode)new JsonObject
            {
                ["RuleName"] = worst.Name,
                ["Expression"] = worst.Expression,
                ["ErrorMessage"] = "Regelen er brutt.",
                ["Properties"] = new JsonObject
                {
                    ["legalReference"] = "Spesialistforskriften § 25",
                    ["audience"] = new JsonArray("leader"),
                    ["severity"] = "warning",
                },
            })]),
        };
        File.WriteAllText(rules.File("workflows", "worst-cases.json"), workflow.ToJsonString());

        var (exitCode, output) = await AlisChildProcess.RunAsync(Bounded, "rules", "validate", rules.Path);

        exitCode.Should().NotBeNull($"compiling must end within {Bounded}: {output}");
        exitCode.Should().Be(0, output);
        output.Should().Contain("Regelsettet er gyldig").And.NotContain("RULE014");
    }

    [Fact]
    public void The_worst_cases_reach_the_limits()
    {
        WorstCases.Should().Contain(worst => worst.Expression.Length >= 2_950, "one is near 3 000 characters");
        WorstCases.Should().Contain(worst => worst.Expression.Count(c => c == '+') >= 598, "one has close to 600 terms");
        WorstCases.Single(worst => worst.Name == "BRACKETS-AND-LAMBDAS").Expression.TakeWhile(c => c != 'H').Count(c => c == '(').Should().Be(40);
        WorstCases.Single(worst => worst.Name == "OVERLOADED-LAMBDAS").Expression.Split("=>").Length.Should().Be(9, "eight lambdas");
    }

    private static JsonObject Param(string name, string expression) => new() { ["Name"] = name, ["Expression"] = expression };

    private static string NestedLambdas(string method, int depth, string body)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("alis.Sessions.").Append(method).Append("(s").Append(i).Append(" => ");
        }

        return text.Append(body).Append(')', depth).ToString();
    }
}
