using System.CommandLine;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Cli.Output;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>`check &lt;file-or-folder&gt;`: evaluates records against the rules as of a date, with no storage and no server.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var path = new Argument<string>("file-or-folder") { Description = "En records-fil, eller en mappe der alle *.json leses." };
        var asOf = AsOfDate.Option();
        var rules = CommandLineApp.RulesOption();
        var format = CommandLineApp.FormatOption();

        var command = new Command("check", "Sjekk records mot regelsettet og skriv funnene.") { path, asOf, rules, format };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(path)!, parsed.GetValue(asOf), parsed.GetValue(rules)!, parsed.GetValue(format)!, output, error, clock, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string path, string? asOfText, DirectoryInfo rulesFolder, string format, TextWriter output, TextWriter error, IClock clock, CancellationToken cancellationToken)
    {
        if (await AsOfDate.ParseAsync(asOfText, clock, error) is not { } asOf)
        {
            return ExitCodes.BadInput;
        }

        var loaded = await LoadedRuleSet.LoadAsync(rulesFolder, error, cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.BadInput;
        }

        using var ruleSet = loaded.RuleSet;
        var records = await LoadedRecords.LoadAsync(path, loaded.Catalog, error, cancellationToken);
        var report = new ComplianceChecker(ruleSet, loaded.Catalog).Check(records.Records, asOf);
        await output.WriteAsync(CommandLineApp.IsJson(format) ? FindingsJsonWriter.Write(report, records.Errors) + Environment.NewLine : FindingsTableWriter.Write(report, records.Errors));
        foreach (var failure in report.Errors)
        {
            await error.WriteLineAsync(TerminalText.Safe($"Regelfeil: {failure.RuleId} kunne ikke vurderes for ALIS {failure.AlisId}: {failure.Message}"));
        }

        return records.Errors.Count > 0 || report.Errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
