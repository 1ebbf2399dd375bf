using System.CommandLine;
using AlisCompliance.Cli.Output;
using AlisCompliance.Core.Compliance.Explain;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `rules explain ALIS --records P`: every rule for one ALIS, pass or fail, with the facts it read, its LocalParams'
/// values and the law behind it. The rules are compiled to record what they read, which only this command does.
/// </summary>
internal static class RulesExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var alisId = new Argument<string>("alis-id") { Description = "ALIS-ens id i records, f.eks. alis-04." };
        var records = LoadedRecords.PathOption();
        var asOf = AsOfDate.Option();
        var rules = CommandLineApp.RulesOption();
        var format = CommandLineApp.FormatOption();
        var command = new Command("explain", "Forklar reglene for én ALIS: hver regel, ok eller ikke, faktaene den leste, verdiene og hjemmelen. Svaret på «hvorfor fikk jeg dette varselet?».")
        {
            alisId, records, asOf, rules, format,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(alisId)!, parsed.GetValue(records)!, parsed.GetValue(asOf), parsed.GetValue(rules)!, parsed.GetValue(format)!, output, error, clock, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string alisId, string recordsPath, string? asOfText, DirectoryInfo rulesFolder, string format, TextWriter output, TextWriter error, IClock clock, CancellationToken cancellationToken)
    {
        if (await AsOfDate.ParseAsync(asOfText, clock, error) is not { } asOf)
        {
            return ExitCodes.BadInput;
        }

        var loaded = await LoadedRuleSet.LoadAsync(rulesFolder, EvaluationBudget.Default, error, cancellationToken, recordFacts: true);
        if (loaded is null)
        {
            return ExitCodes.BadInput;
        }

        using var ruleSet = loaded.RuleSet;
        var records = await LoadedRecords.LoadAsync(recordsPath, loaded.Catalog, error, cancellationToken);
        if (RuleExplainer.Find(records.Records, alisId) is not var (municipality, alis))
        {
            var suggestion = RuleExplainer.ClosestAlisId(records.Records, alisId);
            await error.WriteLineAsync(TerminalText.Safe(
                $"Fant ingen ALIS med id '{alisId}' i {recordsPath}{(records.Errors.Count > 0 ? " (filer med feil er ikke lest)" : string.Empty)}."
                + (suggestion is null ? string.Empty : $" Mente du '{suggestion}'?")));
            return ExitCodes.BadInput;
        }

        var explanation = RuleExplainer.Explain(ruleSet, loaded.Catalog, municipality, alis, asOf);
        await output.WriteAsync(CommandLineApp.IsJson(format) ? ExplainJsonWriter.Write(explanation) + Environment.NewLine : ExplainTableWriter.Write(explanation));
        return ExitCodes.Ok;
    }
}
