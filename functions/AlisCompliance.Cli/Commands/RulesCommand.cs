using System.CommandLine;
using AlisCompliance.Core.Compliance.RuleTests;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `rules validate [DIR]` and `rules test [DIR]`: what the ALIS-kontor runs after editing the rules; `rules publish` and
/// `rules history` against storage.
/// </summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var rules = new Command("rules", "Kontroller og publiser regelsettet.");
        rules.Subcommands.Add(Validate(output, error));
        rules.Subcommands.Add(Test(output, error));
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
            var loaded = await LoadedRuleSet.LoadAsync(parsed.GetValue(folder)!, error, cancellationToken);
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

                var warningSummary = warnings.Count == 0 ? string.Empty : $" {warnings.Count} advarsler: reglene virker, men les advarslene over.";
                await output.WriteLineAsync($"Regelsettet er gyldig: {loaded.RuleSet.RuleCount} regler, versjon {loaded.RuleSet.Version}.{warningSummary}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Test(TextWriter output, TextWriter error)
    {
        var folder = FolderArgument();
        var command = new Command("test", "Kompiler reglene og kjør eksemplene i tests/; skriv hver avvik.") { folder };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var loaded = await LoadedRuleSet.LoadAsync(parsed.GetValue(folder)!, error, cancellationToken);
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
                    $"{report.Cases} eksempler, {report.Checks} kontroller: {report.Checks - report.Failures.Count} ok, {report.Failures.Count} avvik, {report.Errors.Count} andre feil.");
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
