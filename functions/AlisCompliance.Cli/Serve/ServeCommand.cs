using System.CommandLine;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Cli.Commands;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlisCompliance.Cli.Serve;

/// <summary>`serve`: the whole service in one process, on Azurite or a storage account, for local runs and end-to-end tests.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port")
        {
            Description = $"HTTP-porten på 127.0.0.1. Standard: {ServeOptions.DefaultPort}, som func start.",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
        };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = $"Lagringskontoen. Standard: innstillingen {ServeConfiguration.StorageConnectionName} (miljøvariabel eller local.settings.json), ellers UseDevelopmentStorage=true (Azurite).",
        };
        var drain = new Option<bool>("--drain")
        {
            Description = $"Avslutt (med kode 0) når køene {string.Join(" og ", ServeBindings.Queues)} er tomme og ingen melding er under behandling. For tester og demoer.",
        };
        var noTimers = new Option<bool>("--no-timers") { Description = $"Ikke kjør tidsstyrte funksjoner ({FunctionBindings.NightlySweep}, {FunctionBindings.WeeklyDigest})." };
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "En local.settings.json (Values leses som innstillinger). Standard: local.settings.json i gjeldende mappe, om den finnes.",
        };
        var hostJson = new Option<FileInfo?>("--host-json") { Description = "host.json å lese i stedet for den som følger med programmet.", Hidden = true };
        var command = new Command("serve", "Kjør hele tjenesten lokalt: køene og tidsstyringen på WebJobs SDK, HTTP-rutene på Kestrel.")
        {
            port, connectionString, drain, noTimers, settings, hostJson,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var defaults = new ServeOptions();
            var options = defaults with
            {
                Port = parsed.GetValue(port),
                ConnectionString = parsed.GetValue(connectionString),
                Drain = parsed.GetValue(drain),
                Timers = !parsed.GetValue(noTimers),
                LocalSettingsPath = parsed.GetValue(settings)?.FullName ?? defaults.LocalSettingsPath,
                HostJsonPath = parsed.GetValue(hostJson)?.FullName ?? defaults.HostJsonPath,
            };
            return await RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.HostJsonPath))
        {
            await error.WriteLineAsync($"Fant ikke host.json: {options.HostJsonPath}");
            return ExitCodes.BadInput;
        }

        await using var app = ServeHost.Build(options);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        await output.WriteLineAsync($"alis serve kjører: HTTP på {address}/{FunctionBindings.RoutePrefix}/, køene {string.Join(", ", ServeBindings.Queues)}"
            + (options.Timers ? ", tidsstyrte funksjoner på." : ", uten tidsstyrte funksjoner.")
            + (options.Drain ? " Avslutter når køene er tomme." : " Ctrl+C avslutter."));
        var access = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value;
        if (access.Keys.Count == 0 && !access.EasyAuth)
        {
            await output.WriteLineAsync($"Ingen nøkler er satt opp ({AccessOptions.Section}:Keys): alle HTTP-kall avvises med 401. Lag en med «alis keys new».");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        await output.WriteLineAsync("alis serve er stoppet.");
        return ExitCodes.Ok;
    }
}
