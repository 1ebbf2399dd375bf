using AlisCompliance.Application.Loading;
using System.CommandLine;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Application.Ingest;
using AlisCompliance.Storage.Ingest;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `import-supervision &lt;csv&gt; --municipality ID`: a supervision log kept in a spreadsheet becomes supervision sessions
/// of the municipality's stored ALIS, saved like an ingest. Any problem: nothing is stored, every problem is listed with its line.
/// </summary>
internal static class ImportSupervisionCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var csv = new Argument<FileInfo>("csv") { Description = "CSV med kolonnene date, minutes, veileder_id, alis_id, referat_finalised." };
        var municipality = new Option<string>("--municipality") { Description = "Kommunenummeret ALIS-ene hører til.", Required = true };
        var rules = CommandLineApp.RulesOption();
        var storage = new StorageCommandOptions();
        var command = new Command("import-supervision", "Importer en veiledningslogg (CSV) til lagrede records.") { csv, municipality, rules };
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetValue(csv)!;
            var read = await SafeTextFile.ReadAsync(file.FullName, RecordsReader.MaxFileBytes, cancellationToken);
            if (!read.IsRead)
            {
                await error.WriteLineAsync($"{file.Name}: filen {read.Problem}. Ingenting er importert.");
                return ExitCodes.BadInput;
            }

            var catalog = await CatalogLoading.LoadAsync(parsed.GetValue(rules)!, error, cancellationToken);
            var connected = catalog is null ? null : await storage.ConnectAsync(parsed, error);
            if (catalog is null || connected is null)
            {
                return ExitCodes.BadInput;
            }

            var municipalityId = parsed.GetValue(municipality)!;
            try
            {
                await connected.EnsureCreatedAsync(cancellationToken);
                var service = new IngestService(connected, new RecordsReader(catalog), clock);
                var result = await new SupervisionImport(service).ImportAsync(file.Name, read.Text!, municipalityId, IngestCommand.ActorId, cancellationToken);
                if (result.Errors.Count > 0)
                {
                    foreach (var problem in result.Errors)
                    {
                        await error.WriteLineAsync(problem);
                    }

                    await error.WriteLineAsync($"Ingenting er importert: {result.Errors.Count} feil.");
                    return ExitCodes.BadInput;
                }

                if (result.IsAccepted)
                {
                    await output.WriteLineAsync($"Importerte veiledninger for kommune {municipalityId}: {result.Added} nye, {result.Updated} endret, {result.Unchanged} fantes fra før.");
                }

                return await IngestCommand.ReportAsync(result.Ingest!, output, error);
            }
            catch (Exception exception) when (StorageFailureMessage.For(exception) is { } message)
            {
                await error.WriteLineAsync(message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }
}
