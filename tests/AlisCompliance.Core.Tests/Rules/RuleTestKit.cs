using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

internal static class RuleTestKit
{
    public const string SourceFile = "rules/workflows/orders.json";

    public static readonly LocalDate Today = new(2024, 6, 15);

    public static RuleCompilerOptions Options { get; } = new()
    {
        Parameters = [new RuleParameter("order", typeof(Order)), new RuleParameter("asOf", typeof(LocalDate))],
        AllowedTypes = [typeof(OrderLine), typeof(CustomerTier)],
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Order SampleOrder(params OrderLine[] lines) =>
        new("A-1", Today, CustomerTier.Standard, lines.Length > 0 ? lines : [new OrderLine("pen", 2, 10m, Today), new OrderLine("ink", 1, 5m, Today.PlusMonths(-2))]);

    public static IReadOnlyList<object?> Inputs(Order order, LocalDate? asOf = null) => [order, asOf ?? Today];

    public static Workflow Read(string json, string source = SourceFile) =>
        WorkflowReader.Read(json, source).EnsureSuccess().Single();

    public static CompiledRuleSet Compile(string json, RuleCompilerOptions? options = null) =>
        RuleCompiler.Compile([Read(json)], options ?? Options);

    public static IReadOnlyList<RuleDiagnostic> CompileErrors(string json, RuleCompilerOptions? options = null)
    {
        var compile = () => RuleCompiler.Compile([Read(json)], options ?? Options);
        return compile.Should().Throw<RuleSetCompilationException>().Which.Diagnostics;
    }

    /// <summary>A workflow whose rules are given as JSON objects, written the way a person would (indented).</summary>
    public static string WorkflowJson(params JsonObject[] rules) => WorkflowJson([], rules);

    public static string WorkflowJson(JsonArray globalParams, params JsonObject[] rules)
    {
        var workflow = new JsonObject
        {
            ["WorkflowName"] = "orders",
            ["GlobalParams"] = globalParams,
            ["Rules"] = new JsonArray([.. rules]),
        };
        return workflow.ToJsonString(Indented);
    }

    public static JsonObject Rule(string name, string expression, string? errorMessage = null, params (string Name, string Expression)[] localParams)
    {
        var rule = new JsonObject
        {
            ["RuleName"] = name,
            ["Expression"] = expression,
        };
        if (localParams.Length > 0)
        {
            rule["LocalParams"] = Params(localParams);
        }

        if (errorMessage is not null)
        {
            rule["ErrorMessage"] = errorMessage;
        }

        return rule;
    }

    public static JsonArray Params(params (string Name, string Expression)[] parameters) =>
        new([.. parameters.Select(parameter => (JsonNode)new JsonObject { ["Name"] = parameter.Name, ["Expression"] = parameter.Expression })]);

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="text"/> in <paramref name="json"/>.</summary>
    public static (int Line, int Column) PositionOf(string json, string text, int skip = 0)
    {
        var index = -1;
        for (var i = 0; i <= skip; i++)
        {
            index = json.IndexOf(text, index + 1, StringComparison.Ordinal);
        }

        index.Should().BeGreaterThanOrEqualTo(0, $"'{text}' should occur in the JSON");
        var line = json[..index].Count(c => c == '\n') + 1;
        var column = index - (json.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;
        if (!json[..index].Contains('\n', StringComparison.Ordinal))
        {
            column = index + 1;
        }

        return (line, column);
    }
}
