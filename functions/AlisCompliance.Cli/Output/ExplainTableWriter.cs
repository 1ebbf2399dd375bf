using System.Text;
using AlisCompliance.Application.Email;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Explain;
using AlisCompliance.Core.Records;

namespace AlisCompliance.Cli.Output;

/// <summary>`rules explain` for people: every rule in file order, nested rules indented under their parent, in Norwegian.</summary>
internal static class ExplainTableWriter
{
    // A fact can be a whole list of records; on a terminal its first characters are enough.
    private const int MaxValueLength = 300;

    public static string Write(AlisExplanation explanation)
    {
        var text = new StringBuilder();
        text.Append("Forklaring for ALIS ").Append(TerminalText.Safe(explanation.AlisId))
            .Append(" (kommune ").Append(TerminalText.Safe(explanation.MunicipalityId)).Append(", ").Append(SchemeName(explanation.Scheme))
            .Append(") per ").AppendLine(NorwegianFormat.Date(explanation.AsOf));
        var failed = explanation.Rules.Where(rule => rule.Verdict == RuleVerdict.Failed).ToList();
        text.Append("Regelsett ").Append(explanation.RuleSetVersion).Append(" · ").Append(NorwegianCount.Of(explanation.Rules.Count, "regel", "regler")).Append(": ")
            .Append(NorwegianFormat.WholeNumber(failed.Count)).Append(" slår til, ")
            .Append(NorwegianFormat.WholeNumber(explanation.Rules.Count(rule => rule.Verdict == RuleVerdict.Passed))).Append(" ok, ")
            .Append(NorwegianFormat.WholeNumber(explanation.Rules.Count(rule => rule.Verdict == RuleVerdict.NotForScheme))).Append(" gjelder ikke ordningen, ")
            .Append(NorwegianFormat.WholeNumber(explanation.Rules.Count(rule => rule.Verdict == RuleVerdict.NotInForce))).Append(" ikke i kraft, ")
            .Append(NorwegianFormat.WholeNumber(explanation.Rules.Count(rule => rule.Verdict == RuleVerdict.Error))).AppendLine(" regelfeil");
        if (!explanation.InTraining)
        {
            text.AppendLine("ALIS er ikke i utdanning per denne datoen, så `check` gir ingen funn; reglene er likevel vurdert under.");
        }

        text.AppendLine();
        foreach (var rule in explanation.Rules.Where(rule => rule.Verdict is not (RuleVerdict.NotForScheme or RuleVerdict.NotInForce)))
        {
            WriteRule(text, rule, depth: 0, parentReference: null);
            text.AppendLine();
        }

        WriteNotRun(text, explanation, RuleVerdict.NotForScheme, $"Gjelder ikke {SchemeName(explanation.Scheme)}");
        WriteNotRun(text, explanation, RuleVerdict.NotInForce, "Ikke i kraft per datoen");
        return text.ToString();
    }

    private static void WriteNotRun(StringBuilder text, AlisExplanation explanation, RuleVerdict verdict, string label)
    {
        var names = explanation.Rules.Where(rule => rule.Verdict == verdict).Select(rule => TerminalText.Safe(rule.Rule.Name)).ToList();
        if (names.Count > 0)
        {
            text.Append(label).Append(": ").AppendLine(string.Join(", ", names));
        }
    }

    private static void WriteRule(StringBuilder text, RuleExplanation rule, int depth, string? parentReference)
    {
        var indent = new string(' ', depth * 2);
        var detail = indent + "  ";
        text.Append(indent).Append(Verdict(rule.Verdict)).Append(' ').Append(TerminalText.Safe(rule.Rule.Name));
        text.AppendLine(rule.Severity is { } severity ? $" ({SeverityNames.Norwegian(severity).ToLowerInvariant()})" : string.Empty);
        if (rule.Verdict == RuleVerdict.NotInForce)
        {
            return;
        }

        if (rule.Message is { } message)
        {
            text.Append(detail).Append(rule.Verdict == RuleVerdict.Error ? "Feil: " : "Melding: ").AppendLine(TerminalText.Safe(message));
        }

        if (rule.LegalReference.Length > 0 && !string.Equals(rule.LegalReference, parentReference, StringComparison.Ordinal))
        {
            text.Append(detail).Append(LegalReferenceLabel.For(rule.LegalReference)).Append(": ").AppendLine(TerminalText.Safe(rule.LegalReference));
        }

        WriteValues(text, detail, "Fakta lest:", rule.Facts.Select(fact => (fact.Expression, fact.Value)));
        WriteValues(text, detail, "Verdier (LocalParams):", rule.LocalParams.Select(value => (value.Name, value.Value)));
        foreach (var child in rule.Children)
        {
            WriteRule(text, child, depth + 1, rule.LegalReference);
        }
    }

    private static void WriteValues(StringBuilder text, string indent, string heading, IEnumerable<(string Name, object? Value)> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(indent).AppendLine(heading);
        foreach (var (name, value) in list)
        {
            var shown = FactValueText.Format(value);
            shown = shown.Length <= MaxValueLength ? shown : string.Concat(shown.AsSpan(0, MaxValueLength - 1), "…");
            text.Append(indent).Append("  ").Append(TerminalText.Safe(name)).Append(" = ").AppendLine(TerminalText.Safe(shown));
        }
    }

    private static string Verdict(RuleVerdict verdict) => verdict switch
    {
        RuleVerdict.Passed => "OK  ",
        RuleVerdict.Failed => "FEIL",
        RuleVerdict.Error => "REGELFEIL",
        RuleVerdict.NotForScheme => "–   (gjelder ikke ordningen)",
        _ => "–   (ikke i kraft per datoen)",
    };

    private static string SchemeName(TrainingScheme scheme) => scheme switch
    {
        TrainingScheme.Old => "gammel ordning",
        TrainingScheme.Converted => "konvertert til ny ordning",
        _ => "ny ordning",
    };
}
