using System.CommandLine;
using AlisCompliance.Cli.Output;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.RuleTests;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `rules validate [DIR]`, `rules test [DIR]`, `rules diff` and `rules explain`: what the ALIS-kontor runs after editing
/// the rules; `rules publish` and `rules history` against storage.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var rules = new Command("rules", "Kontroller regelsettet, se hva en endring gjør og hvorfor en regel slo til, og publiser det.");
        rules.Subcommands.Add(Validate(output, error));
        rules.Subcommands.Add(Test(output, error));
        rules.Subcommands.Add(RulesDiffCommand.Create(output, error, clock));
        rules.Subcommands.Add(RulesExplainCommand.Create(output, error, clock));
        rules.Subcommands.Add(RulesPublishCommand.Create(output, error, clock));
        rules.Subcommands.Add(RulesHistoryCommand.Create(output, error, clock));
        return rules;
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var folder = FolderArgument();
        var command = new Command("validate", "Les og kompiler alle regler; skriv hver feil med fil, linje og kolonne.") { folder };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var loaded = await LoadedRuleSet.LoadAsync(parsed.GetValue(folder)!, EvaluationBudget.Default, error, cancellationToken);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            using (loaded.RuleSet)
            {
                var warnings = loaded.RuleSet.Warnings;
                foreach (var warning in warnings)
                {
                    await output.WriteLineAsync(warning.ToString());
                }

                var warningSummary = warnings.Count == 0 ? string.Empty : $" {NorwegianCount.Of(warnings.Count, "advarsel", "advarsler")}: reglene virker, men les {(warnings.Count == 1 ? "advarselen" : "advarslene")} over.";
                await output.WriteLineAsync($"Regelsettet er gyldig: {NorwegianCount.Of(loaded.RuleSet.RuleCount, "regel", "regler")}, versjon {loaded.RuleSet.Version}.{warningSummary}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Test(TextWriter output, TextWriter error)
    {
        var folder = FolderArgument();
        var budget = new RuleBudgetOptions();
        var command = new Command("test", "Kompiler reglene og kjør eksemplene i tests/; skriv hvert avvik.") { folder };
        budget.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (await budget.ReadAsync(parsed, error) is not { } ruleBudget)
            {
                return ExitCodes.BadInput;
            }

            var loaded = await LoadedRuleSet.LoadAsync(parsed.GetValue(folder)!, ruleBudget, error, cancellationToken);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            using (loaded.RuleSet)
            {
                var tests = await loaded.Directory.ReadTestsAsync(cancellationToken);
                var report = RuleTestRunner.Run(loaded.RuleSet, loaded.Catalog, tests);
                foreach (var problem in report.Errors)
                {
                    await error.WriteLineAsync(problem);
                }

                foreach (var failure in report.Failures)
                {
                    await error.WriteLineAsync(failure.ToString());
                }

                await output.WriteLineAsync(
                    $"{NorwegianCount.Of(report.Cases, "eksempel", "eksempler")}, {NorwegianCount.Of(report.Checks, "kontroll", "kontroller")}: "
                    + $"{NorwegianFormat.WholeNumber(report.Checks - report.Failures.Count)} ok, {NorwegianFormat.WholeNumber(report.Failures.Count)} avvik, "
                    + $"{NorwegianCount.Of(report.Errors.Count, "annen feil", "andre feil")}.");
                return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Argument<DirectoryInfo> FolderArgument() => new("rules-folder")
    {
        Description = "Mappen med regelsettet. Standard: regelsettet som følger med programmet.",
        DefaultValueFactory = _ => Application.Loading.RulesDirectory.Default,
    };
}
