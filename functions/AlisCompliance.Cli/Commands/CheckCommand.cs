using System.CommandLine;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Cli.Output;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>`check &lt;file-or-folder&gt;`: evaluates records against the rules as of a date, with no storage and no server.</summary>
internal static class CheckCommand
{
    /// <param name="limits">How many findings and rule errors are printed; <see cref="ReportLimits.Default"/> unless a test asks for fewer.</param>
    public static Command Create(TextWriter output, TextWriter error, IClock clock, ReportLimits? limits = null)
    {
        var path = new Argument<string>("file-or-folder") { Description = "En records-fil, eller en mappe der alle *.json leses." };
        var asOf = AsOfDate.Option();
        var rules = CommandLineApp.RulesOption();
        var format = CommandLineApp.FormatOption();

        var budget = new RuleBudgetOptions();
        var command = new Command("check", "Sjekk records mot regelsettet og skriv funnene.") { path, asOf, rules, format };
        budget.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) => await budget.ReadAsync(parsed, error) is { } ruleBudget
            ? await RunAsync(parsed.GetValue(path)!, parsed.GetValue(asOf), parsed.GetValue(rules)!, parsed.GetValue(format)!, ruleBudget, limits ?? ReportLimits.Default, output, error, clock, cancellationToken)
            : ExitCodes.BadInput);
        return command;
    }

    private static async Task<int> RunAsync(
        string path, string? asOfText, DirectoryInfo rulesFolder, string format, EvaluationBudget budget, ReportLimits limits, TextWriter output, TextWriter error, IClock clock, CancellationToken cancellationToken)
    {
        if (await AsOfDate.ParseAsync(asOfText, clock, error) is not { } asOf)
        {
            return ExitCodes.BadInput;
        }

        var loaded = await LoadedRuleSet.LoadAsync(rulesFolder, budget, error, cancellationToken);
        if (loaded is null)
        {
            return ExitCodes.BadInput;
        }

        using var ruleSet = loaded.RuleSet;
        var records = await LoadedRecords.LoadAsync(path, loaded.Catalog, error, cancellationToken);
        var report = new ComplianceChecker(ruleSet, loaded.Catalog).Check(records.Records, asOf);
        await output.WriteAsync(CommandLineApp.IsJson(format) ? FindingsJsonWriter.Write(report, records.Errors, limits) + Environment.NewLine : FindingsTableWriter.Write(report, records.Errors, limits));
        foreach (var failure in report.Errors.Take(limits.MaxErrors))
        {
            await error.WriteLineAsync(TerminalText.Safe($"Regelfeil: {failure.RuleId} kunne ikke vurderes for ALIS {failure.AlisId}: {failure.Message}"));
        }

        if (limits.LeftOutNotice(report) is { } notice)
        {
            await error.WriteLineAsync(notice);
        }

        return records.Errors.Count > 0 || report.Errors.Count > 0 ? ExitCodes.BadInput
            : limits.Truncates(report) ? ExitCodes.ReportTruncated
            : ExitCodes.Ok;
    }
}
