using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace AlisCompliance.Cli.Help;

/// <summary>
/// Parse errors in Norwegian. System.CommandLine words them in English (or the machine's language, never Norwegian),
/// so each known kind is recognised by where it points and worded here; an unknown kind keeps its own text.
/// </summary>
internal static class ParseErrorText
{
    public const string UnknownPrefix = "Ukjent kommando eller argument";

    public static string For(ParseError error, ParseResult result)
    {
        var allowed = error.SymbolResult switch
        {
            ArgumentResult argument => Allowed(argument.Argument),
            OptionResult option => Allowed(option.Option),
            _ => [],
        };
        var unknownToken = result.UnmatchedTokens.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));
        return error.SymbolResult switch
        {
            CommandResult when unknownToken is not null => $"{UnknownPrefix} '{unknownToken}'.",
            CommandResult command when command.Command.Subcommands.Count > 0 && command.Command.Action is null
                => $"Velg en kommando: {string.Join(", ", command.Command.Subcommands.Where(sub => !sub.Hidden).Select(sub => sub.Name))}.",
            ArgumentResult { Tokens.Count: 0 } argument => $"Mangler argumentet <{argument.Argument.Name}>.",
            ArgumentResult argument when allowed.Count > 0
                => $"Ugyldig verdi '{Given(argument)}' for <{argument.Argument.Name}>; gyldige verdier: {string.Join(", ", allowed)}.",
            OptionResult { Tokens.Count: 0 } option => $"{option.Option.Name} mangler en verdi.",
            OptionResult option when allowed.Count > 0
                => $"Ugyldig verdi '{Given(option)}' for {option.Option.Name}; gyldige verdier: {string.Join(", ", allowed)}.",
            _ => $"Ugyldig kommandolinje: {error.Message}",
        };
    }

    private static List<string> Allowed(Symbol symbol) => symbol.GetCompletions(CompletionContext.Empty).Select(item => item.Label).ToList();

    private static string Given(SymbolResult result) => string.Join(' ', result.Tokens.Select(token => token.Value));
}
