using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using AlisCompliance.Cli.Help;
using AlisCompliance.Cli.Output;
using AlisCompliance.Application.Loading;
using AlisCompliance.Cli.Poison;
using AlisCompliance.Cli.Serve;
using NodaTime;

namespace AlisCompliance.Cli.Commands;

/// <summary>The command line: `check`, `rules validate`, `rules test`, `ingest`, `import-supervision`, `serve` and `poison`.</summary>
internal static class CommandLineApp
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IClock? clock = null)
    {
        var root = new RootCommand("alis — AlisCompliance: sjekker ALIS-utdanningen mot spesialistforskriften.")
        {
            CheckCommand.Create(output, error, clock ?? SystemClock.Instance),
            RulesCommand.Create(output, error, clock ?? SystemClock.Instance),
            IngestCommand.Create(output, error, clock ?? SystemClock.Instance),
            ImportSupervisionCommand.Create(output, error, clock ?? SystemClock.Instance),
            ServeCommand.Create(output, error),
            PoisonCommand.Create(output, error),
        };
        UseNorwegianHelpAndVersion(root, output);
        var parsed = root.Parse(args);
        return parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction
            ? WriteParseErrorsAsync(parsed, error)
            : parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static void UseNorwegianHelpAndVersion(RootCommand root, TextWriter output)
    {
        foreach (var option in root.Options.Where(option => option is HelpOption or VersionOption).ToList())
        {
            root.Options.Remove(option);
        }

        root.Options.Add(new HelpOption("--help", "-h", "-?") { Description = "Vis hjelp og bruk.", Action = new NorwegianHelpAction(output) });
        root.Options.Add(new VersionOption("--version") { Description = "Vis versjonen av programmet." });
    }

    /// <summary>Our own words instead of the parser's English; exit code 2 as for any other bad input.</summary>
    private static async Task<int> WriteParseErrorsAsync(ParseResult parsed, TextWriter error)
    {
        // An unknown word explains the rest (a missing command, say), so it comes first.
        var messages = parsed.Errors.Select(problem => ParseErrorText.For(problem, parsed)).Distinct(StringComparer.Ordinal)
            .OrderBy(message => !message.StartsWith(ParseErrorText.UnknownPrefix, StringComparison.Ordinal));
        foreach (var message in messages)
        {
            await error.WriteLineAsync(TerminalText.Safe(message));
        }

        await error.WriteLineAsync();
        await error.WriteLineAsync($"Bruk: {HelpText.Usage(parsed.CommandResult.Command)}");
        await error.WriteLineAsync($"Se '{HelpText.CommandPath(parsed.CommandResult.Command)} --help' for mer hjelp.");
        return ExitCodes.BadInput;
    }

    public static Option<DirectoryInfo> RulesOption() => new("--rules")
    {
        Description = "Mappen med regelsettet (workflows/, catalog/, tests/). Standard: regelsettet som følger med programmet.",
        DefaultValueFactory = _ => RulesDirectory.Default,
    };
}
