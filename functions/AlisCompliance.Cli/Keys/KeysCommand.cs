using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Application.Access;
using AlisCompliance.Cli.Commands;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Cli.Keys;

/// <summary>
/// `keys new`: a fresh random key for a caller outside Entra ID, and the settings that let serve or the Functions app
/// know it by its SHA-256. The key itself is printed once and stored nowhere.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("keys", "Nøkler for innringere utenfor Entra ID (kommunens fagsystem, alis serve, tester).");
        command.Subcommands.Add(CreateNew(output, error));
        return command;
    }

    private static Command CreateNew(TextWriter output, TextWriter error)
    {
        var role = new Option<string>("--role")
        {
            Description = $"Rollen: {string.Join(", ", AccessRoles.All)}.",
            Required = true,
        };
        var municipalities = new Option<string[]>("--municipality")
        {
            Description = "Kommunenummeret nøkkelen gjelder for (leader og ingest). Kan gis flere ganger.",
            AllowMultipleArgumentsPerToken = true,
        };
        var region = new Option<string?>("--region") { Description = $"Regionen til et ALIS-kontor (en nøkkel i {AccessOptions.Section}:Regions)." };
        var id = new Option<string?>("--id") { Description = "Id-en nøkkelen får i loggen og revisjonsloggen. Standard: rollen, omfanget og et tilfeldig tillegg." };
        var expires = new Option<string?>("--expires") { Description = "Datoen (ÅÅÅÅ-MM-DD, UTC) nøkkelen slutter å virke. Standard: den utløper ikke." };
        var index = new Option<int>("--index")
        {
            Description = $"Plassen i listen {AccessOptions.Section}:Keys (0, 1, 2 …) innstillingene skrives for. Standard: 0.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("new", "Lag en ny tilfeldig nøkkel og skriv ut innstillingene med SHA-256-summen dens (selve nøkkelen lagres ikke).")
        {
            role, municipalities, region, id, expires, index,
        };
        command.SetAction(async parsed =>
        {
            var problem = Validate(parsed.GetValue(role)!, parsed.GetValue(municipalities) ?? [], parsed.GetValue(region), parsed.GetValue(expires), parsed.GetValue(index), out var expiresAt);
            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            await WriteAsync(output, parsed.GetValue(role)!, parsed.GetValue(municipalities) ?? [], parsed.GetValue(region), parsed.GetValue(id), expiresAt, parsed.GetValue(index));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Validate(string role, string[] municipalities, string? region, string? expires, int index, out LocalDate? expiresAt)
    {
        expiresAt = null;
        if (!AccessRoles.All.Contains(role))
        {
            return $"Ukjent rolle «{role}»: bruk {string.Join(", ", AccessRoles.All)}.";
        }

        if (role is AccessRoles.Leader or AccessRoles.Ingest && municipalities.Length == 0)
        {
            return $"Rollen {role} gjelder bestemte kommuner: oppgi --municipality.";
        }

        if (string.Equals(role, AccessRoles.AlisKontor, StringComparison.Ordinal) && string.IsNullOrWhiteSpace(region))
        {
            return "Rollen alis-kontor gjelder en region: oppgi --region.";
        }

        if (index < 0)
        {
            return "--index kan ikke være negativ.";
        }

        if (expires is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(expires);
            if (!parsed.Success)
            {
                return $"Ugyldig dato «{expires}»: bruk ÅÅÅÅ-MM-DD.";
            }

            expiresAt = parsed.Value;
        }

        return null;
    }

    private static async Task WriteAsync(TextWriter output, string role, string[] municipalities, string? region, string? id, LocalDate? expiresAt, int index)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var scope = municipalities.Length > 0 ? string.Join("-", municipalities) : region;
        var holder = id ?? string.Join("-", new[] { role, scope, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)) }.Where(part => part is { Length: > 0 }));
        var prefix = string.Create(CultureInfo.InvariantCulture, $"AlisCompliance__Access__Keys__{index}__");
        var settings = new List<string> { $"{prefix}Id={holder}", $"{prefix}Role={role}" };
        settings.AddRange(municipalities.Select((municipality, position) => string.Create(CultureInfo.InvariantCulture, $"{prefix}Municipalities__{position}={municipality}")));
        if (region is not null)
        {
            settings.Add($"{prefix}Region={region}");
        }

        settings.Add($"{prefix}Sha256={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}");
        if (expiresAt is { } date)
        {
            settings.Add($"{prefix}ExpiresAt={LocalDatePattern.Iso.Format(date)}T00:00:00Z");
        }

        await output.WriteLineAsync($"Nøkkel for {holder} (vises bare nå; send den i headeren {AccessKeys.Header}):");
        await output.WriteLineAsync(key);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Innstillinger (miljøvariabler, Values i local.settings.json eller app-innstillinger i Azure):");
        foreach (var setting in settings)
        {
            await output.WriteLineAsync(setting);
        }
    }
}
