using System.Text.Json.Nodes;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>
/// The ALIS-kontor edits JSON but does not program: the mistakes people make most are answered in Norwegian,
/// with the spelling to use, at the place where the mistake is.
/// </summary>
public sealed class RuleEditorDiagnosticsTests
{
    [Fact]
    public void A_misspelled_fact_gets_a_suggestion()
    {
        var diagnostic = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.TotalBetwen(asOf.PlusYears(-1), asOf) > 0"))).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be("CS1061");
        diagnostic.Message.Should().Be("'order' (Order) har ingen 'TotalBetwen'. Mente du 'TotalBetween'?");
    }

    [Fact]
    public void A_misspelled_name_gets_a_suggestion_from_the_names_in_scope()
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Params(("minimumTotal", "10m")), RuleTestKit.Rule("R", "order.Total >= minimumTotl"));

        RuleTestKit.CompileErrors(json).Should().ContainSingle()
            .Which.Message.Should().StartWith("Navnet 'minimumTotl' finnes ikke her. Mente du 'minimumTotal'?");
    }

    [Theory]
    [InlineData("42,0", "Desimaltall skrives med punktum, ikke komma: 42.0.")]
    [InlineData("31.12.2027", "Datoer skrives Dates.Parse(\"2027-12-31\") (år-måned-dag).")]
    public void A_norwegian_number_or_date_in_a_GlobalParam_is_reported_there_with_a_hint(string expression, string hint)
    {
        var json = RuleTestKit.WorkflowJson(RuleTestKit.Params(("limit", expression)), RuleTestKit.Rule("R", "order.Total >= limit"));

        var diagnostic = RuleTestKit.CompileErrors(json).Should().ContainSingle().Subject;

        diagnostic.Field.Should().Be("GlobalParams[limit]");
        diagnostic.RulePath.Should().BeNull("the mistake is in the GlobalParam, not in the rule that uses it");
        diagnostic.Message.Should().EndWith(hint);
    }

    [Fact]
    public void A_GlobalParam_with_a_misspelled_fact_is_reported_there_and_not_in_the_rules_that_use_it()
    {
        var json = RuleTestKit.WorkflowJson(
            RuleTestKit.Params(("total", "order.Totl")),
            RuleTestKit.Rule("R1", "total > 0"),
            RuleTestKit.Rule("R2", "total < 1000 && order.Lines.Count > 0"));

        var diagnostic = RuleTestKit.CompileErrors(json).Should().ContainSingle().Subject;

        diagnostic.Field.Should().Be("GlobalParams[total]");
        diagnostic.Message.Should().Contain("Mente du 'Total'?");
    }

    [Fact]
    public void A_date_in_a_rule_is_written_as_an_ISO_string_and_checked_when_the_rules_compile()
    {
        using var rules = RuleTestKit.Compile(RuleTestKit.WorkflowJson(RuleTestKit.Params(("deadline", "Dates.Parse(\"2024-06-30\")")), RuleTestKit.Rule("R", "asOf <= deadline")));
        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder()), RuleTestKit.Today).Single().IsSuccess.Should().BeTrue();
        rules.Evaluate(RuleTestKit.Inputs(RuleTestKit.SampleOrder(), new LocalDate(2024, 7, 1)), RuleTestKit.Today).Single().IsSuccess.Should().BeFalse();

        var wrong = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Params(("deadline", "Dates.Parse(\"31.12.2027\")")), RuleTestKit.Rule("R", "asOf <= deadline")));
        wrong.Should().ContainSingle().Which.Should().Match<RuleDiagnostic>(d =>
            d.Code == RuleDiagnosticCodes.InvalidDate && d.Field == "GlobalParams[deadline]"
            && d.Message == "'31.12.2027' er ikke en gyldig dato. Datoer skrives år-måned-dag med bindestrek: \"2027-12-31\".");
    }

    [Theory]
    [InlineData("new LocalDate(2027, 6, 31)", "2027-06-31")]
    [InlineData("new LocalDate(2027, 13, 1)", "2027-13-01")]
    [InlineData("new LocalDate(2027, 2, 29)", "2027-02-29")]
    public void An_impossible_date_built_with_new_LocalDate_is_refused_when_the_rules_compile(string expression, string written)
    {
        var wrong = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Params(("deadline", expression)), RuleTestKit.Rule("R", "asOf <= deadline")));

        wrong.Should().Contain(d => d.Code == RuleDiagnosticCodes.InvalidDate && d.Field == "GlobalParams[deadline]" && d.Message.StartsWith($"'{written}' er ikke en gyldig dato.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("order.Total > 0 AND order.Lines.Count > 0", "'AND' er Dynamic LINQ; i C# skrives 'og' som &&.")]
    [InlineData("order.Total > 0 or order.Lines.Count > 0", "'or' er Dynamic LINQ; i C# skrives 'eller' som ||.")]
    [InlineData("not (order.Total > 0)", "'not' er Dynamic LINQ; i C# skrives 'ikke' som !")]
    [InlineData("iif(order.Total > 0, 1, 2) == 1", "i C# skrives det betingelse ? a : b.")]
    [InlineData("np(order.Number) != null", "i C# skrives det x?.Felt.")]
    [InlineData("String(order.Total) == \"25\"", "i C# skrives det x.ToString().")]
    public void A_Dynamic_LINQ_spelling_is_answered_with_the_CSharp_spelling(string expression, string hint)
    {
        var diagnostic = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", expression))).Should().ContainSingle().Subject;

        diagnostic.Code.Should().Be(RuleDiagnosticCodes.DynamicLinqSpelling);
        diagnostic.Message.Should().Contain(hint);
    }

    [Fact]
    public void A_single_equals_sign_is_still_refused_as_assignment_but_names_the_comparison()
    {
        var diagnostics = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "order.Tier = CustomerTier.Gold")));

        diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.ForbiddenSyntax, string.Join(Environment.NewLine, diagnostics))
            .Which.Message.Should().Contain("skriv '=='");
    }

    [Fact]
    public void A_mutable_list_in_the_inputs_is_refused_with_a_hint_to_use_a_read_only_list()
    {
        var options = RuleTestKit.Options with { Parameters = [new RuleParameter("basket", typeof(MutableBasket)), new RuleParameter("asOf", typeof(LocalDate))] };

        var diagnostic = RuleTestKit.CompileErrors(RuleTestKit.WorkflowJson(RuleTestKit.Rule("R", "basket.Items.Count > 0")), options).Should().ContainSingle().Subject;

        diagnostic.Message.Should().Contain("IReadOnlyList<Int32> i stedet for List<…>");
    }

    [Fact]
    public void A_misspelled_effective_date_key_is_an_error_with_a_suggestion()
    {
        var rule = new JsonObject { ["RuleName"] = "R", ["Expression"] = "true", ["Properties"] = new JsonObject { ["efectiveFrom"] = "2020-01-01" } };

        var diagnostic = WorkflowReader.Read(RuleTestKit.WorkflowJson(rule), RuleTestKit.SourceFile).Diagnostics.Should().ContainSingle().Subject;

        diagnostic.IsError.Should().BeTrue();
        diagnostic.Field.Should().Be("Properties.efectiveFrom");
        diagnostic.Message.Should().Contain("Mente du 'effectiveFrom'?");
    }
}

#pragma warning disable CA1002, MA0016 // The mutable list is the point: it is what the hint is about.
public sealed record MutableBasket(List<int> Items);
#pragma warning restore CA1002, MA0016
