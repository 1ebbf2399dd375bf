using System.CommandLine;
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
            RulesCommand.Create(output, error),
            IngestCommand.Create(output, error, clock ?? SystemClock.Instance),
            ImportSupervisionCommand.Create(output, error, clock ?? SystemClock.Instance),
            ServeCommand.Create(output, error),
            PoisonCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    public static Option<DirectoryInfo> RulesOption() => new("--rules")
    {
        Description = "Mappen med regelsettet (workflows/, catalog/, tests/). Standard: regelsettet som følger med programmet.",
        DefaultValueFactory = _ => RulesDirectory.Default,
    };
}
