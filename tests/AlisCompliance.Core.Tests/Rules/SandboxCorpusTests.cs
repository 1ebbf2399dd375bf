using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>
/// Hostile or broken expressions: each must be refused at compile time, in the right rule and field,
/// with a message naming what was refused and a position inside the offending text.
/// </summary>
public sealed class SandboxCorpusTests
{
    public enum Place
    {
        Expression,
        LocalParam,
        Placeholder,
        GlobalParam,
    }

    public static TheoryData<Place, string, string, string> Corpus => new()
    {
        // I/O, processes, environment
        { Place.Expression, """File.ReadAllText("x").Length > 0""", "CS0103", "'File'" },
        { Place.Expression, """System.IO.File.ReadAllText("x").Length > 0""", "RULE003", "'System.IO.File.ReadAllText'" },
        { Place.Expression, """System.IO.Directory.Exists("/")""", "RULE003", "'System.IO.Directory" },
        { Place.Expression, """System.Diagnostics.Process.Start("sh") != null""", "CS1069", "'Process'" },
        { Place.LocalParam, "Environment.Exit(1)", "RULE003", "'System.Environment.Exit'" },
        { Place.Expression, """Environment.GetEnvironmentVariable("PATH") != null""", "RULE003", "'System.Environment.GetEnvironmentVariable'" },
        { Place.Expression, """System.Console.ReadLine() == "y" """, "CS1069", "'Console'" },

        // Reflection and code loading
        { Place.Expression, "typeof(string).Assembly != null", "RULE004", "'typeof'" },
        { Place.Expression, "order.GetType().GetMethods().Length > 0", "RULE003", "'System.Type.GetMethods'" },
        { Place.Expression, "order.Lines.Select(l => l.GetType()).Any()", "RULE003", "'System.Type'" },
        { Place.Expression, "Activator.CreateInstance<Order>() != null", "RULE003", "'System.Activator" },
        { Place.Expression, "AppDomain.CurrentDomain != null", "RULE003", "'System.AppDomain" },
        { Place.Expression, """System.Reflection.Assembly.Load("x") != null""", "RULE003", "'System.Reflection.Assembly" },
        { Place.Expression, "System.Runtime.CompilerServices.Unsafe.SizeOf<int>() == 4", "RULE003", "'System.Runtime.CompilerServices.Unsafe" },
        { Place.Expression, "NotAllowedHelper.Answer == 42", "RULE003", "'AlisCompliance.Core.Tests.Rules.NotAllowedHelper'" },

        // Resource exhaustion
        { Place.Expression, "Enumerable.Range(0, int.MaxValue).Count() > 0", "RULE003", "'System.Linq.Enumerable.Range'" },
        { Place.Expression, """Enumerable.Repeat("x", int.MaxValue).Any()""", "RULE003", "'System.Linq.Enumerable.Repeat" },
        { Place.Expression, """order.Lines.Aggregate("x", (text, line) => text + text).Length > 0""", "RULE003", "'System.Linq.Enumerable.Aggregate" },
        { Place.Expression, "new int[int.MaxValue].Length > 0", "RULE004", "Tabeller med oppgitt størrelse" },
        { Place.Expression, "new string('x', int.MaxValue).Length > 0", "RULE003", "'new System.String(…)'" },
        { Place.Expression, """ "x".PadLeft(int.MaxValue).Length > 0""", "RULE003", "'System.String.PadLeft'" },
        { Place.Expression, """$"{order.Number,1000000}".Length > 0""", "RULE004", "feltbredde på 1000000" },
        { Place.Expression, "System.Threading.Thread.CurrentThread.Join(100000)", "RULE003", "'System.Threading.Thread" },
        { Place.Expression, "System.Threading.Tasks.Task.Run(() => true).Result", "RULE003", "'System.Threading.Tasks.Task" },
        { Place.Expression, "GC.GetTotalMemory(true) > 0", "RULE003", "'System.GC.GetTotalMemory'" },

        // Delegates and recursion
        { Place.Expression, "((Func<int, int>)null)(1) > 0", "RULE003", "'System.Func<System.Int32, System.Int32>" },
        { Place.LocalParam, "(int x) => x + 1", "RULE003", "lambda eller delegat" },
        { Place.Expression, "order.Lines.Any(delegate (OrderLine line) { return true; })", "RULE004", "Anonyme metoder ('delegate { … }') kan ikke brukes" },
        { Place.Expression, "order.Lines.Select(line => { return line; }).Any()", "RULE004", "Lambdaer med setninger" },

        // Forbidden syntax
        { Place.Expression, "((dynamic)order).Total > 0", "RULE003", "'dynamic'" },
        { Place.Expression, "(from line in order.Lines select line).Any()", "RULE004", "Spørresyntaks" },
        { Place.Expression, "(asOf = asOf.PlusDays(1)) == asOf", "RULE004", "Tilordning ('=') kan ikke brukes" },
        { Place.Expression, "order.Total > 0 ? true : throw new Exception()", "RULE004", "'throw'" },
        { Place.Expression, "sizeof(int) == 4", "RULE004", "'sizeof'" },
        { Place.Expression, "__inputs.Count > 0", "RULE004", "'__inputs' er et reservert navn" },
        { Place.Expression, "true\n#if false\n#endif", "RULE004", "Preprosessordirektiver" },

        // Non-determinism and culture
        { Place.Expression, "DateTime.Now.Year > 2000", "RULE003", "'System.DateTime" },
        { Place.Expression, """int.Parse("1") == 1""", "RULE003", "'System.Int32.Parse'" },

        // Broken expressions
        { Place.Expression, "(order.Total > 0", "CS1026", "Her mangler ')'" },
        { Place.Expression, """order.Total + "x" """, "CS0029", "typen 'string', men her trengs 'bool'" },
        { Place.Expression, "order.Totl > 0", "CS1061", "'Totl'" },
        { Place.Expression, """true) || System.IO.File.Exists("x") || (true""", "CS1073", "Uventet ')'" },
        { Place.Expression, """true; } static void Evil() { System.IO.File.Delete("x"); } //""", "CS1073", "Uventet ';'" },

        // The same refusals apply in every kind of expression
        { Place.Placeholder, """File.ReadAllText("x")""", "CS0103", "'File'" },
        { Place.Placeholder, """System.IO.File.ReadAllText("x")""", "RULE003", "'System.IO.File.ReadAllText'" },
        { Place.LocalParam, """System.Environment.GetEnvironmentVariable("HOME")""", "RULE003", "'System.Environment.GetEnvironmentVariable'" },
        { Place.GlobalParam, """System.IO.File.Exists("/etc/passwd")""", "RULE003", "'System.IO.File.Exists'" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_or_broken_expressions_are_refused_at_compile_time(Place place, string text, string code, string named)
    {
        var json = HostileWorkflow(place, text);

        var diagnostics = RuleTestKit.CompileErrors(json);

        var expectedField = place switch
        {
            Place.Expression => "Expression",
            Place.LocalParam => "LocalParams[evil]",
            Place.Placeholder => $"ErrorMessage $({text})",
            _ => "GlobalParams[evil]",
        };
        var expectedRule = place == Place.GlobalParam ? null : "HOSTILE";
        var because = string.Join("\n", diagnostics);
        diagnostics.Should().OnlyContain(d => d.RulePath == expectedRule && d.Field == expectedField, because);
        var diagnostic = diagnostics.Should().Contain(d => d.Code == code && d.Message.Contains(named, StringComparison.Ordinal), because).Subject;
        diagnostic.SourceFile.Should().Be(RuleTestKit.SourceFile);
        diagnostic.WorkflowName.Should().Be("orders");

        // The position lies inside the offending text as it appears in the file.
        var raw = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        var (line, column) = RuleTestKit.PositionOf(json, raw);
        diagnostic.Line.Should().Be(line, because);
        diagnostic.Column.Should().BeInRange(column, column + raw.Length, because);
    }

    [Fact]
    public void The_corpus_is_large_enough()
    {
        Corpus.Count.Should().BeGreaterThanOrEqualTo(25);
    }

    internal static string HostileWorkflow(Place place, string text)
    {
        var hostile = new JsonObject { ["RuleName"] = "HOSTILE" };
        var globals = new JsonArray();
        switch (place)
        {
            case Place.Expression:
                hostile["Expression"] = text;
                break;
            case Place.LocalParam:
                hostile["LocalParams"] = RuleTestKit.Params(("evil", text));
                hostile["Expression"] = "true";
                break;
            case Place.Placeholder:
                hostile["Expression"] = "order.Total < 0";
                hostile["ErrorMessage"] = $"Total is $({text}).";
                break;
            case Place.GlobalParam:
                globals = RuleTestKit.Params(("evil", text));
                hostile["Expression"] = "true";
                break;
        }

        return RuleTestKit.WorkflowJson(
            globals,
            RuleTestKit.Rule("GOOD-BEFORE", "order.Total > 0", "Total $(order.Total)"),
            hostile,
            RuleTestKit.Rule("GOOD-AFTER", "lines > 0", null, ("lines", "order.Lines.Count")));
    }
}
