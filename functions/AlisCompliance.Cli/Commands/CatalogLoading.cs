using AlisCompliance.Core.Catalog;
using AlisCompliance.Application.Loading;

namespace AlisCompliance.Cli.Commands;

/// <summary>The goal catalog from a rules folder, or a printed reason why it could not be read.</summary>
internal static class CatalogLoading
{
    public static async Task<TrainingCatalog?> LoadAsync(DirectoryInfo rules, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await new RulesDirectory(rules).ReadCatalogAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            await error.WriteLineAsync($"Kunne ikke lese målkatalogen i {rules.FullName}: {exception.Message}");
            return null;
        }
    }
}
