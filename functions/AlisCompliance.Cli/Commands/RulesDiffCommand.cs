using System.CommandLine;
using AlisCompliance.Application.Rules;
using AlisCompliance.Cli.Output;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `rules diff --records P --from A --to B`: what changing the rules from folder A to folder B would do to every ALIS's
/// findings as of a date. Each rule set reads the facts with its own catalog; the records are read with B's.
/// Exit 0 when it ran, changes or not; 2 when a folder, the records or the date could not be used.
/// </summary>
internal static class RulesDiffCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var records = LoadedRecords.PathOption();
        var from = new Option<DirectoryInfo>("--from") { Description = "Regelmappen slik den er nå (workflows/, catalog/).", Required = true, HelpName = "regelmappe" };
        var to = new Option<DirectoryInfo>("--to") { Description = "Regelmappen med endringen.", Required = true, HelpName = "regelmappe" };
        var asOf = AsOfDate.Option();
        var format = CommandLineApp.FormatOption();
        var command = new Command("diff", "Vis hva en regelendring gjør med funnene: per kommune hvilke ALIS som får nye, mister eller får endrede funn.")
        {
            records, from, to, asOf, format,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(records)!, parsed.GetValue(from)!, parsed.GetValue(to)!, parsed.GetValue(asOf), parsed.GetValue(format)!, output, error, clock, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string recordsPath, DirectoryInfo fromFolder, DirectoryInfo toFolder, string? asOfText, string format, TextWriter output, TextWriter error, IClock clock, CancellationToken cancellationToken)
    {
        if (await AsOfDate.ParseAsync(asOfText, clock, error) is not { } asOf)
        {
            return ExitCodes.BadInput;
        }

        // Both folders are compiled before anything is reported, so every broken folder is named in one run.
        var before = await LoadedRuleSet.LoadAsync(fromFolder, EvaluationBudget.Default, error, cancellationToken);
        var after = await LoadedRuleSet.LoadAsync(toFolder, EvaluationBudget.Default, error, cancellationToken);
        using var beforeRules = before?.RuleSet;
        using var afterRules = after?.RuleSet;
        if (before is null || after is null)
        {
            return ExitCodes.BadInput;
        }

        var records = await LoadedRecords.LoadAsync(recordsPath, after.Catalog, error, cancellationToken);
        var impact = RuleSetImpact.Compare(
            new ComplianceChecker(before.RuleSet, before.Catalog), new ComplianceChecker(after.RuleSet, after.Catalog), records.Records, asOf);
        await output.WriteAsync(CommandLineApp.IsJson(format) ? ImpactJsonWriter.Write(impact, records.Errors) + Environment.NewLine : ImpactTable.Write(impact));
        return records.Errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
