using System.Text;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>What a hostile rule must come to: refused when compiled, stopped by its budget, or harmless.</summary>
public enum HostileOutcome
{
    RefusedAtCompileTime,
    EvaluationErrorWithinBudget,
    Harmless,
}

/// <summary>Where the hostile text goes in the rule between two well-behaved rules.</summary>
public enum HostilePlace
{
    Expression,
    LocalParam,
    Placeholder,
    GlobalParam,
}

/// <param name="Codes">For refusals: the diagnostic codes any of which is the right one.</param>
public sealed record HostileCase(string Name, HostileOutcome Outcome, HostilePlace Place, string Text, params string[] Codes)
{
    /// <summary>Extra LocalParams the hostile rule computes before <see cref="Text"/>.</summary>
    public IReadOnlyList<(string Name, string Expression)> LocalParams { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>
/// The reproduced attacks of issue 9 and their variants. The cases that once overflowed the stack are
/// also run in a child process (see the CLI tests), where a crash cannot take the test run down with it.
/// </summary>
internal static class HostileRulesCorpus
{
    private const string TooComplex = "RULE014";
    private const string NotDeterministic = "RULE015";
    private const string NotAllowed = "RULE003";
    private const string NinetyNineCharacters = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    /// <summary>Thousands of days: bounded by the facts' dates, so not refusable when compiled.</summary>
    private const string HugeInterval = "new DateInterval(order.Date.PlusYears(-9000), order.Date.PlusYears(7000))";

    public static string NestedParentheses(int depth) => new string('(', depth) + "true" + new string(')', depth);

    public static string AndChain(int terms) => string.Join(" && ", Enumerable.Repeat("true", terms));

    public static string NestedLambdas(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("order.Lines.Any(l").Append(i).Append(" => ");
        }

        return text.Append("true").Append(')', depth).ToString();
    }

    public static string NestedSums(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("order.Lines.Sum(l").Append(i).Append(" => ");
        }

        return text.Append('l').Append(depth - 1).Append(".Price").Append(')', depth).ToString();
    }

    private static string NestedInterpolations(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("$\"{");
        }

        text.Append("order.Number");
        for (var i = 0; i < depth; i++)
        {
            text.Append("}\"");
        }

        return text.Append(" != \"\"").ToString();
    }

    private static string CrossJoin(int levels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels - 1; i++)
        {
            text.Append("order.Lines.SelectMany(l").Append(i).Append(" => ");
        }

        return text.Append("order.Lines").Append(')', levels - 1).ToString();
    }

    private static IReadOnlyList<(string Name, string Expression)> QuadruplingTexts(int count) =>
        [("p0", "order.Number + \"0123456789\""), .. Enumerable.Range(1, count).Select(i => ($"p{i}", $"string.Concat(p{i - 1}, p{i - 1}, p{i - 1}, p{i - 1})"))];

    public static IEnumerable<HostileCase> Cases =>
    [
        // Stack exhaustion in the parser, the binder or the sandbox: refused by the limits before any of them runs.
        new("10 000 nested parentheses", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedParentheses(10_000), TooComplex),
        new("true && … with 40 000 terms", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, AndChain(40_000), TooComplex),
        new("700 nested lambdas", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedLambdas(700), TooComplex),
        new("one lambda more than allowed", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedLambdas(4), TooComplex),
        new("six Sum lambdas inside one another (minutes in Roslyn's overload resolution)", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedSums(6) + " > 0", TooComplex),
        new("nine lambdas side by side", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, string.Join(" && ", Enumerable.Range(0, 9).Select(i => $"order.Lines.Any(l{i} => l{i}.Price > 0)")), TooComplex),
        new("one parenthesis more than allowed", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedParentheses(41), TooComplex),
        new("700 terms", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "order.Total + " + string.Join(" + ", Enumerable.Repeat("1", 700)) + " > 0", TooComplex),
        new("3 001 characters", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, $"order.Number == \"{new string('x', 2984)}\"", TooComplex),
        new("500 nested interpolated strings", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, NestedInterpolations(500), TooComplex),
        new("nested array initializers", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, string.Concat(Enumerable.Repeat("new[] { ", 50)) + "1" + new string('}', 50) + " != null", TooComplex),
        new("parentheses after an escaped quote", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "\"a\\\"\" == \"b\" && " + NestedParentheses(100), TooComplex),
        new("parentheses after a verbatim string ending in a backslash", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "@\"a\\\" == \"b\" && " + NestedParentheses(100), TooComplex),
        new("parentheses after a raw string holding a quote", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "\"\"\" \" \"\"\" == \"b\" && " + NestedParentheses(100), TooComplex),
        new("parentheses after an interpolation hole", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "$\"{order.Number}\" == \"b\" && " + NestedParentheses(100), TooComplex),
        new("an interpolated raw string", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "$\"\"\"{order.Number}\"\"\" != \"\"", TooComplex),
        new("10 000 nested parentheses in a placeholder", HostileOutcome.RefusedAtCompileTime, HostilePlace.Placeholder, NestedParentheses(10_000), TooComplex),
        new("10 000 nested parentheses in a LocalParam", HostileOutcome.RefusedAtCompileTime, HostilePlace.LocalParam, NestedParentheses(10_000), TooComplex),
        new("40 000 terms in a GlobalParam", HostileOutcome.RefusedAtCompileTime, HostilePlace.GlobalParam, AndChain(40_000), TooComplex),
        new("700 nested lambdas in a LocalParam", HostileOutcome.RefusedAtCompileTime, HostilePlace.LocalParam, NestedLambdas(700), TooComplex),

        // Results that differ between runs.
        new("string.GetHashCode", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "order.Number.GetHashCode() > 0", NotDeterministic),
        new("record GetHashCode", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "order.GetHashCode() != 0", NotDeterministic),
        new("GetHashCode as a sort key", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "order.Lines.OrderBy(l => l.Product.GetHashCode()).First().Quantity > 0", NotDeterministic),
        new("GetHashCode in a placeholder", HostileOutcome.RefusedAtCompileTime, HostilePlace.Placeholder, "asOf.GetHashCode()", NotDeterministic),
        new("Random", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "new Random().Next() > 5", NotDeterministic, NotAllowed),
        new("Guid.NewGuid", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "Guid.NewGuid().ToString().Length > 0", NotDeterministic, NotAllowed),
        new("DateTime.Now", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "DateTime.Now.Year > 2000", NotDeterministic, NotAllowed),
        new("Environment.TickCount", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "Environment.TickCount > 0", NotDeterministic, NotAllowed),
        new("HashCode.Combine", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "HashCode.Combine(1, 2) != 0", NotDeterministic, NotAllowed),

        // Sources without end that can be seen when compiled.
        new("DateInterval over the whole calendar", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "new DateInterval(LocalDate.MinIsoValue, LocalDate.MaxIsoValue).Count() > 0", NotAllowed),
        new("SelectMany over the whole calendar", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "new DateInterval(LocalDate.MinIsoValue, LocalDate.MaxIsoValue).SelectMany(d => order.Lines).Any()", NotAllowed),
        new("DateInterval to the end of the calendar", HostileOutcome.RefusedAtCompileTime, HostilePlace.LocalParam, "new DateInterval(asOf, LocalDate.MaxIsoValue).Count(d => d.Day == 1)", NotAllowed),
        new("Enumerable.Range", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "Enumerable.Range(0, int.MaxValue).Count() > 0", NotAllowed),
        new("Enumerable.Repeat", HostileOutcome.RefusedAtCompileTime, HostilePlace.Expression, "Enumerable.Repeat(order, int.MaxValue).Any(o => o.Total < 0)", NotAllowed),

        // Runaway evaluations: stopped by the budget, reported on the rule.
        new("four-level SelectMany cross join", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, CrossJoin(4) + ".Count(l => l.Price < 0) > 0"),
        new("cross join with Distinct", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, CrossJoin(4) + ".Distinct().Count() > 0"),
        new("cross join sorted", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, CrossJoin(3) + ".OrderBy(l => l.Price).ThenBy(l => l.Product).First().Price > 0"),
        new("cross join in a LocalParam", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.LocalParam, CrossJoin(4) + ".Count(l => l.Price < 0)"),
        new("cross join in a placeholder", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Placeholder, CrossJoin(4) + ".Count(l => l.Price < 0)"),
        new("SelectMany over a huge DateInterval", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, HugeInterval + ".SelectMany(d => order.Lines).Count(l => l.Price < 0) > 0"),
        new("string.Join over a huge DateInterval", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, $"string.Join(\"\", {HugeInterval}.Select(d => \"{NinetyNineCharacters}\")).Length > 0"),
        new("twelve LocalParams quadrupling a text", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, "p12.Length > 0") { LocalParams = QuadruplingTexts(12) },
        new("a nested Any over a cross join", HostileOutcome.EvaluationErrorWithinBudget, HostilePlace.Expression, CrossJoin(3) + ".Any(a => " + CrossJoin(2) + ".Any(b => b.Price < 0))"),

        // Big but bounded: capped output, no error.
        new("placeholder rendering 6 million items", HostileOutcome.Harmless, HostilePlace.Placeholder, HugeInterval + ".Select(d => d.Day)"),
        new("LocalParam holding a lazy cross join", HostileOutcome.Harmless, HostilePlace.LocalParam, CrossJoin(4) + ".Select(l => l.Product)"),
        new("LocalParam holding a long text", HostileOutcome.Harmless, HostilePlace.LocalParam, "string.Join(\"\", " + CrossJoin(2) + ".Select(l => \"0123456789\"))"),
        new("placeholder with a long text", HostileOutcome.Harmless, HostilePlace.Placeholder, "string.Join(\"\", " + CrossJoin(2) + ".Select(l => \"0123456789\"))"),
        new("parentheses inside a string literal", HostileOutcome.Harmless, HostilePlace.Expression, $"\"{new string('(', 200)}\" != order.Number"),
        new("parentheses inside an interpolated string", HostileOutcome.Harmless, HostilePlace.Expression, $"$\"{{order.Number}}{new string('(', 200)}\" != \"\""),
        new("exactly the allowed parentheses", HostileOutcome.Harmless, HostilePlace.Expression, NestedParentheses(40)),
        new("exactly the allowed lambdas", HostileOutcome.Harmless, HostilePlace.Expression, NestedLambdas(3)),
        new("a month of days", HostileOutcome.Harmless, HostilePlace.Expression, "new DateInterval(asOf.PlusDays(-30), asOf).Count(d => d.DayOfWeek == IsoDayOfWeek.Monday) >= 0"),
    ];
}
