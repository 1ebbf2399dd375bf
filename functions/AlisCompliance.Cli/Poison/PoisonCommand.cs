using System.CommandLine;
using System.Globalization;
using AlisCompliance.Application;
using AlisCompliance.Cli.Commands;
using AlisCompliance.Cli.Serve;
using Azure;
using NodaTime;

namespace AlisCompliance.Cli.Poison;

/// <summary>`poison list` and `poison retry`: the messages the functions gave up on, and sending them back for another try.</summary>
internal static class PoisonCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("poison", "Meldinger som feilet for mange ganger og ligger i giftkøene (<kø>-poison).");
        command.Subcommands.Add(CreateList(output, error));
        command.Subcommands.Add(CreateRetry(output, error));
        return command;
    }

    private static Command CreateList(TextWriter output, TextWriter error)
    {
        var queue = QueueOption();
        var connection = ConnectionOption();
        var command = new Command("list", "Vis meldingene i giftkøene: id, når de ble lagt inn, antall forsøk og id-ene i meldingen.") { queue, connection };
        command.SetAction((parsed, cancellationToken) => RunAsync(error, async () =>
        {
            foreach (var poison in Queues(parsed.GetValue(connection), parsed.GetValue(queue)))
            {
                var (messages, count) = await poison.PeekAsync(cancellationToken);
                if (messages.Count == 0)
                {
                    await output.WriteLineAsync($"{poison.PoisonName}: tom.");
                    continue;
                }

                await output.WriteLineAsync(count > messages.Count
                    ? $"{poison.PoisonName}: {count} meldinger (omtrent); viser de {messages.Count} første."
                    : $"{poison.PoisonName}: {messages.Count} melding(er).");
                await WriteTableAsync(output, messages);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateRetry(TextWriter output, TextWriter error)
    {
        var queue = QueueOption();
        var connection = ConnectionOption();
        var all = new Option<bool>("--all") { Description = "Send alle meldingene i giftkøen tilbake." };
        var id = new Option<string?>("--id") { Description = "Send bare meldingen med denne id-en tilbake (se poison list)." };
        var command = new Command("retry", "Send meldinger fra giftkøen tilbake til funksjonens kø for et nytt forsøk, og slett dem fra giftkøen.")
        {
            queue, connection, all, id,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(error, async () =>
        {
            var messageId = parsed.GetValue(id);
            if (parsed.GetValue(all) == messageId is not null)
            {
                await error.WriteLineAsync("Velg enten --all eller --id <meldings-id>.");
                return ExitCodes.BadInput;
            }

            var movedAny = false;
            foreach (var poison in Queues(parsed.GetValue(connection), parsed.GetValue(queue)))
            {
                var moved = await poison.RetryAsync(messageId, cancellationToken);
                movedAny |= moved.Count > 0;
                if (moved.Count > 0 || messageId is null)
                {
                    await output.WriteLineAsync($"Flyttet {moved.Count} melding(er) fra {poison.PoisonName} tilbake til {poison.Name}.");
                }

                if (moved.Count > 0)
                {
                    await WriteTableAsync(output, moved);
                }

                if (messageId is not null && moved.Count > 0)
                {
                    break;
                }
            }

            if (messageId is not null && !movedAny)
            {
                await error.WriteLineAsync($"Fant ingen melding med id {messageId} i giftkøene.");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<string?> QueueOption() => new Option<string?>("--queue")
    {
        Description = $"Funksjonskøen: {string.Join(" eller ", ServeBindings.Queues)}. Standard: begge.",
    }.AcceptOnlyFromAmong([.. ServeBindings.Queues]);

    private static Option<string?> ConnectionOption() => new("--connection-string")
    {
        Description = $"Lagringskontoen. Standard: miljøvariabelen {StorageCommandOptions.ConnectionEnvironmentVariable}, ellers {StorageCommandOptions.DevelopmentStorage} (Azurite lokalt).",
    };

    private static IEnumerable<PoisonQueue> Queues(string? connectionString, string? queue)
    {
        var service = StorageQueues.Connect(StorageCommandOptions.Resolve(connectionString), Azure.Storage.Queues.QueueMessageEncoding.None);
        return (queue is null ? ServeBindings.Queues : [queue]).Select(name => new PoisonQueue(service, name));
    }

    private static async Task<int> RunAsync(TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (RequestFailedException exception)
        {
            await error.WriteLineAsync($"Lagringen svarte med feil ({exception.Status} {exception.ErrorCode}): {exception.Message.Split('\n')[0]}");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            await error.WriteLineAsync($"Kan ikke bruke lagringen: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<PoisonMessage> messages)
    {
        string[] header = ["Meldings-id", "Lagt inn (Oslo)", "Forsøk", "Kommune", "ALIS"];
        var rows = messages.Select(m => new[]
        {
            m.MessageId,
            m.InsertedOn is { } inserted ? Instant.FromDateTimeOffset(inserted).InZone(OsloClock.Oslo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "?",
            m.DequeueCount.ToString(CultureInfo.InvariantCulture),
            m.Ids.MunicipalityId,
            m.Ids.AlisId,
        }).ToList();
        var widths = header.Select((title, column) => rows.Select(r => r[column].Length).Append(title.Length).Max()).ToArray();
        await output.WriteLineAsync("  " + string.Join("  ", header.Select((title, column) => title.PadRight(widths[column]))).TrimEnd());
        foreach (var row in rows)
        {
            await output.WriteLineAsync("  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
