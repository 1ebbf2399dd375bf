using System.CommandLine;
using AlisCompliance.Application.Loading;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Cli.Commands;

/// <summary>Records for an evaluating command: the valid files are used, and every problem of a rejected file is written.</summary>
internal static class LoadedRecords
{
    /// <summary>`--records`, for the rules commands that evaluate records.</summary>
    public static Option<string> PathOption() =>
        new("--records") { Description = "En records-fil, eller en mappe der alle *.json leses.", Required = true, HelpName = "fil-eller-mappe" };

    public static async Task<RecordsLoad> LoadAsync(string path, TrainingCatalog catalog, TextWriter error, CancellationToken cancellationToken)
    {
        var records = await RecordsLoader.LoadAsync(path, new RecordsReader(catalog), cancellationToken);
        foreach (var problem in records.Errors)
        {
            await error.WriteLineAsync(TerminalText.Safe(problem.ToString()));
        }

        if (records.Errors.Count > 0)
        {
            await error.WriteLineAsync($"{NorwegianFormat.WholeNumber(records.Errors.Count)} feil i records; ingenting er vurdert fra filer med feil.");
        }

        return records;
    }
}
