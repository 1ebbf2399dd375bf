using System.CommandLine;
using System.Globalization;
using AlisCompliance.Application.Loading;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Sweep;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// `rules publish &lt;rules-folder&gt; --effective-from DATE [--dry-run] [--note TEXT]`: the PublishRules use case against
/// storage, as the HTTP function runs it. A dry run prints the impact table; otherwise the version is stored and, when it
/// takes effect today, every ALIS is queued for re-evaluation.
/// </summary>
internal static class RulesPublishCommand
{
    public static Command Create(TextWriter output, TextWriter error, IClock clock)
    {
        var folder = new Argument<DirectoryInfo>("rules-folder") { Description = "Mappen med regelsettet som skal publiseres (workflows/, catalog/, tests/)." };
        var effectiveFrom = new Option<string>("--effective-from") { Description = "Datoen regelsettet gjelder fra (ÅÅÅÅ-MM-DD): i dag eller senere.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Bare vis virkningen per ALIS på datoen; ingenting lagres." };
        var note = new Option<string?>("--note") { Description = "Hvorfor regelsettet endres (vises i historikken)." };
        var storage = new StorageCommandOptions();
        var command = new Command("publish", "Valider, test og publiser regelsettet med en dato det gjelder fra.") { folder, effectiveFrom, dryRun, note };
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var dateText = parsed.GetValue(effectiveFrom)!;
            if (LocalDatePattern.Iso.Parse(dateText) is not { Success: true } date)
            {
                await error.WriteLineAsync($"--effective-from: '{dateText}' er ingen gyldig dato (ÅÅÅÅ-MM-DD).");
                return ExitCodes.BadInput;
            }

            var rulesFolder = parsed.GetValue(folder)!;
            RuleBundle bundle;
            try
            {
                bundle = await new RulesDirectory(rulesFolder).ReadBundleAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await error.WriteLineAsync($"Kunne ikke lese regelsettet i {rulesFolder.FullName}: {exception.Message}");
                return ExitCodes.BadInput;
            }

            var connected = await storage.ConnectAsync(parsed, error);
            if (connected is null)
            {
                return ExitCodes.BadInput;
            }

            try
            {
                await connected.EnsureCreatedAsync(cancellationToken);
                var request = new PublishRequest(bundle, date.Value, parsed.GetValue(note), parsed.GetValue(dryRun), IngestCommand.ActorId);
                var result = await UseCase(connected, clock).PublishAsync(request, cancellationToken);
                return await ReportAsync(result, output, error);
            }
            catch (Exception exception) when (StorageFailureMessage.For(exception) is { } message)
            {
                await error.WriteLineAsync(message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>PublishRules wired as the hosts wire it, on this storage, with the rules shipped beside the program as the fallback.</summary>
    public static PublishRules UseCase(ComplianceStorage storage, IClock clock)
    {
        var shipped = new RulesDirectory(RulesDirectory.Default);
        var records = new RecordsRepository(storage, new RecordsReader(shipped.ReadCatalog()), clock);
        var repository = new RuleSetRepository(storage);
        var rules = new ComplianceRules(shipped, repository, new CompiledRuleSets(), clock);
        var sweep = new NightlySweep(records, new AlisChangedMessages(storage), NullLogger<NightlySweep>.Instance);
        return new PublishRules(rules, repository, records, new AuditLog(storage, clock), sweep, clock, NullLogger<PublishRules>.Instance);
    }

    private static async Task<int> ReportAsync(PublishResult result, TextWriter output, TextWriter error)
    {
        if (result.IsRefused)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync($"Regelsettet er avvist: {result.Problems.Count} feil. Ingenting er lagret; regelsettet som gjelder, gjelder fortsatt.");
            return ExitCodes.BadInput;
        }

        if (result.Impact is { } impact)
        {
            await output.WriteAsync(ImpactTable.Write(impact));
            await output.WriteLineAsync($"Prøvekjøring av regelsett {result.ContentHash}: ingenting er lagret.");
            return ExitCodes.Ok;
        }

        var publication = result.Publication!;
        var from = publication.EffectiveFrom.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"Publiserte regelsett {result.ContentHash} (publisering {publication.Id}), gjelder fra {from}.");
        await output.WriteLineAsync(result.InForceNow
            ? $"Det gjelder fra i dag: {result.Queued} ALIS er lagt i køen alis-changed for ny vurdering."
            : $"Nattkjøringen {from} vurderer alle ALIS på nytt med det; til da gjelder regelsettet som gjelder nå.");
        return ExitCodes.Ok;
    }
}
