using AlisCompliance.Application.Loading;
using System.CommandLine;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `ingest &lt;file-or-folder&gt;`: validates records files like `check`, and when every file is valid stores them and
/// enqueues each ALIS for evaluation. Any problem in any file: nothing is stored, every problem is listed.
/// </summary>
internal static class IngestCommand
{
    public const string ActorId = "cli";

    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var path = new Argument<string>("file-or-folder") { Description = "En records-fil, eller en mappe der alle *.json sendes inn samlet." };
        var rules = CommandLineApp.RulesOption();
        var storage = new StorageCommandOptions();
        var command = new Command("ingest", "Valider og lagre records, og legg hver ALIS i køen for vurdering.") { path, rules };
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var files = await ReadFilesAsync(parsed.GetValue(path)!, cancellationToken);
            if (files is null)
            {
                await error.WriteLineAsync($"{parsed.GetValue(path)}: finnes ikke, eller mappen har ingen .json-filer.");
                return ExitCodes.BadInput;
            }

            var catalog = await CatalogLoading.LoadAsync(parsed.GetValue(rules)!, error, cancellationToken);
            var connected = catalog is null ? null : await storage.ConnectAsync(parsed, error);
            if (catalog is null || connected is null)
            {
                return ExitCodes.BadInput;
            }

            try
            {
                await connected.EnsureCreatedAsync(cancellationToken);
                var result = await new IngestService(connected, new RecordsReader(catalog), clock).IngestAsync(files, ActorId, cancellationToken);
                return await ReportAsync(result, output, error);
            }
            catch (Exception exception) when (StorageFailureMessage.For(exception) is { } message)
            {
                await error.WriteLineAsync(message);
                await error.WriteLineAsync("Det som ble skrevet underveis er rullet tilbake; send filene på nytt.");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>Prints the outcome: counts when accepted, every problem when not. Returns the exit code.</summary>
    public static async Task<int> ReportAsync(IngestResult result, TextWriter output, TextWriter error)
    {
        switch (result.Outcome)
        {
            case IngestOutcome.Accepted:
                var counts = result.Counts;
                await output.WriteLineAsync(
                    $"Lagret {counts.Alis} ALIS i {counts.Municipalities} kommune(r) fra {counts.Files} fil(er): {counts.AlisChanged} ny(e) eller endret, {counts.AlisUnchanged} uendret.");
                await output.WriteLineAsync(counts.RowsWritten == 0 && counts.MessagesSent == 0
                    ? "Ingen endringer: ingen ALIS lagt i køen."
                    : $"{counts.RowsWritten} rader skrevet, {counts.RowsDeleted} gamle rader slettet, {counts.MessagesSent} ALIS lagt i køen alis-changed.");
                return ExitCodes.Ok;
            case IngestOutcome.Conflict:
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync(problem.Message);
                }

                return ExitCodes.Failed;
            default:
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                await error.WriteLineAsync($"Ingenting er lagret: {result.Errors.Count} feil.");
                return ExitCodes.BadInput;
        }
    }

    /// <summary>The files to send, or null when there are none; a file that cannot be read is sent as its problem.</summary>
    private static async Task<List<IngestFile>?> ReadFilesAsync(string path, CancellationToken cancellationToken)
    {
        var paths = Directory.Exists(path) ? SafeTextFile.JsonFilesIn(path) : [path];
        if (paths.Count == 0)
        {
            return null;
        }

        var files = new List<IngestFile>();
        foreach (var file in paths)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, file);
            var read = await SafeTextFile.ReadAsync(file, RecordsReader.MaxFileBytes, cancellationToken);
            files.Add(read.IsRead ? new IngestFile(name, read.Text!) : new IngestFile(name, string.Empty) { Problem = $"filen {read.Problem}" });
        }

        return files;
    }
}
