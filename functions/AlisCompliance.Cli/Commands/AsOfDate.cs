using System.CommandLine;
using AlisCompliance.Application;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Cli.Commands;

/// <summary>The `--as-of` option every evaluating command has: a date, by default today in Europe/Oslo.</summary>
internal static class AsOfDate
{
    public static Option<string?> Option() => new("--as-of") { Description = "Datoen det sjekkes per (ÅÅÅÅ-MM-DD). Standard: i dag i Europe/Oslo." };

    /// <returns>The date, or null after writing why the text is no date.</returns>
    public static async Task<LocalDate?> ParseAsync(string? text, IClock clock, TextWriter error)
    {
        if (text is null)
        {
            return OsloClock.Today(clock);
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } parsed)
        {
            return parsed.Value;
        }

        await error.WriteLineAsync(TerminalText.Safe($"--as-of: '{text}' er ingen gyldig dato (ÅÅÅÅ-MM-DD)."));
        return null;
    }
}
