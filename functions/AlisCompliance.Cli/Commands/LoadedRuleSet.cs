using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;
using AlisCompliance.Application.Loading;

namespace AlisCompliance.Cli.Commands;

/// <summary>A compiled rule set and its catalog, or a printed explanation of why the rules folder could not be used.</summary>
internal sealed record LoadedRuleSet(ComplianceRuleSet RuleSet, TrainingCatalog Catalog, RulesDirectory Directory)
{
    /// <param name="recordFacts">Compile the rules to record the facts they read, for `rules explain` only.</param>
    public static async Task<LoadedRuleSet?> LoadAsync(DirectoryInfo folder, EvaluationBudget budget, TextWriter error, CancellationToken cancellationToken, bool recordFacts = false)
    {
        var directory = new RulesDirectory(folder);
        try
        {
            var catalog = await directory.ReadCatalogAsync(cancellationToken);
            var workflows = await directory.ReadWorkflowsAsync(cancellationToken);
            return new LoadedRuleSet(ComplianceRuleSet.Compile(workflows, budget, recordFacts), catalog, directory);
        }
        catch (RuleSetCompilationException exception)
        {
            foreach (var diagnostic in exception.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString());
            }

            await error.WriteLineAsync($"Regelsettet i {folder.FullName} kompilerer ikke ({exception.Diagnostics.Count} feil); ingenting er vurdert.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            await error.WriteLineAsync($"Kunne ikke lese regelsettet i {folder.FullName}: {exception.Message}");
        }

        return null;
    }
}
