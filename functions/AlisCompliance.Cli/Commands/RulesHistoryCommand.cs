using System.CommandLine;
using System.Globalization;
using AlisCompliance.Application;
using AlisCompliance.Cli.Output;
using AlisCompliance.Storage.Repositories;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>`rules history`: every publication, oldest first, with the one in force today marked. Ids only.</summary>
internal static class RulesHistoryCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var storage = new StorageCommandOptions();
        var command = new Command("history", "Vis alle publiserte regelsett: versjon, gyldig fra, publisert av og notat.");
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var connected = await storage.ConnectAsync(parsed, error);
            if (connected is null)
            {
                return ExitCodes.BadInput;
            }

            try
            {
                await connected.EnsureCreatedAsync(cancellationToken);
                var publications = await new RuleSetRepository(connected).ListAsync(cancellationToken);
                if (publications.Count == 0)
                {
                    await output.WriteLineAsync("Ingen regelsett er publisert: regelsettet som følger med programmet, gjelder.");
                    return ExitCodes.Ok;
                }

                var inForce = RuleSetPublication.InForceOn(publications, OsloClock.Today(clock));
                foreach (var publication in publications)
                {
                    var marker = publication == inForce ? "*" : " ";
                    var from = publication.EffectiveFrom.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                    var at = publication.PublishedAt.InZone(OsloClock.Oslo).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
                    await output.WriteLineAsync(TerminalText.Safe($"{marker} {publication.ContentHash}  gjelder fra {from}  publisert {at} av {publication.PublishedBy}  {publication.Note}"));
                }

                await output.WriteLineAsync("* = gjelder i dag.");
                return ExitCodes.Ok;
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
