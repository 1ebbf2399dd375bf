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
        try
        {
            var prefix = parsed.GetValue(Prefix);
            return ComplianceStorage.Connect(Resolve(parsed.GetValue(ConnectionString)), prefix is null ? null : StorageNames.WithPrefix(prefix));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            await error.WriteLineAsync($"Kan ikke bruke lagringen: {exception.Message}");
            return null;
        }
    }
}
