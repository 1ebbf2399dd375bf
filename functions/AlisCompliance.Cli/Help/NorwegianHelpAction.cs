using System.CommandLine;
using System.CommandLine.Invocation;

namespace AlisCompliance.Cli.Help;

/// <summary>
/// Writes help in Norwegian. System.CommandLine's own help has English headings and option texts, and in 2.0 its
/// texts can't be replaced, so the help is written here from the commands' own (Norwegian) descriptions.
/// </summary>
internal sealed class NorwegianHelpAction(TextWriter output) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        output.Write(HelpText.For(parseResult.CommandResult.Command, parseResult.RootCommandResult.Command));
        return 0;
    }
}
