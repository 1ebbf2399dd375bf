using System.CommandLine;
using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.Cli.Commands;

/// <summary>The options the storage commands share: where the storage is, and (for tests) a name prefix.</summary>
internal sealed class StorageCommandOptions
{
    public const string ConnectionEnvironmentVariable = "AzureWebJobsStorage";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = $"Lagringskontoen. Standard: miljøvariabelen {ConnectionEnvironmentVariable}, ellers {DevelopmentStorage} (Azurite lokalt).",
    };

    public Option<string?> Prefix { get; } = new("--storage-prefix")
    {
        Description = "Prefiks foran tabell- og könavnene (små bokstaver og sifre), for tester og parallelle miljøer.",
        Hidden = true,
    };

    public IEnumerable<Option> All => [ConnectionString, Prefix];

    public static string Resolve(string? given) =>
        given ?? (Environment.GetEnvironmentVariable(ConnectionEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DevelopmentStorage);

    /// <summary>The storage, or null after printing why the options are unusable.</summary>
    public async Task<ComplianceStorage?> ConnectAsync(ParseResult parsed, TextWriter error)
    {
        StorageNames? names;
        try
        {
            names = parsed.GetValue(Prefix) is { } prefix ? StorageNames.WithPrefix(prefix) : null;
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"Kan ikke bruke lagringen: {exception.Message}");
            return null;
        }

        try
        {
            return ComplianceStorage.Connect(Resolve(parsed.GetValue(ConnectionString)), names);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's parse errors may quote the connection string, and with it the account key: never print them.
            await error.WriteLineAsync("Kan ikke bruke lagringen: tilkoblingsstrengen er ugyldig.");
            return null;
        }
    }
}
