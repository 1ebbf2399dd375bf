using System.CommandLine;
using System.Text;

namespace AlisCompliance.Cli.Help;

/// <summary>The help text of one command: description, usage, arguments, options and subcommands, in Norwegian.</summary>
internal static class HelpText
{
    public const string ProgramName = "alis";

    public static string For(Command command, Command root)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            text.AppendLine("Beskrivelse:").Append("  ").AppendLine(command.Description).AppendLine();
        }

        text.AppendLine("Bruk:").Append("  ").AppendLine(Usage(command)).AppendLine();

        var arguments = command.Arguments.Where(argument => !argument.Hidden)
            .Select(argument => (Label: $"<{argument.Name}>", argument.Description)).ToList();
        Section(text, "Argumenter:", arguments);

        var options = command.Options
            .Concat(command == root ? [] : root.Options.Where(option => option.Recursive))
            .Where(option => !option.Hidden)
            .Select(option => (Label: OptionLabel(option), option.Description)).ToList();
        Section(text, "Valg:", options);

        var subcommands = command.Subcommands.Where(subcommand => !subcommand.Hidden)
            .Select(subcommand => (Label: subcommand.Name, subcommand.Description)).ToList();
        Section(text, "Kommandoer:", subcommands);
        return text.ToString();
    }

    /// <summary>The command as typed, the program named <c>alis</c> whatever the executable is called: <c>alis rules test</c>.</summary>
    public static string CommandPath(Command command)
    {
        var path = new List<string>();
        for (Command? current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, current.Parents.Any() ? current.Name : ProgramName);
        }

        return string.Join(' ', path);
    }

    /// <summary>One line: <c>alis check &lt;file-or-folder&gt; [valg]</c>.</summary>
    public static string Usage(Command command)
    {
        var path = new List<string> { CommandPath(command) };
        path.AddRange(command.Arguments.Where(argument => !argument.Hidden)
            .Select(argument => argument.Arity.MinimumNumberOfValues == 0 ? $"[<{argument.Name}>]" : $"<{argument.Name}>"));
        if (command.Subcommands.Count > 0)
        {
            path.Add("[kommando]");
        }

        path.Add("[valg]");
        return string.Join(' ', path);
    }

    private static string OptionLabel(Option option)
    {
        var names = option.Aliases.Order(StringComparer.Ordinal).Append(option.Name);
        var label = string.Join(", ", names);
        return option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0
            ? label
            : $"{label} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static void Section(StringBuilder text, string heading, List<(string Label, string? Description)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows.Max(row => row.Label.Length) + 2;
        text.AppendLine(heading);
        foreach (var (label, description) in rows)
        {
            text.Append("  ").Append(label.PadRight(width)).AppendLine(description ?? string.Empty);
        }

        text.AppendLine();
    }
}
