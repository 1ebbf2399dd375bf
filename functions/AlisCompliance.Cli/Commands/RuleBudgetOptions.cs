using System.CommandLine;
using AlisCompliance.Application.Rules;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Cli.Commands;

/// <summary>`--rule-time-limit-ms` and `--rule-memory-limit-mb`: the evaluation budget of `check` and `rules test`.</summary>
internal sealed class RuleBudgetOptions
{
    private readonly Option<string?> timeLimit = new("--rule-time-limit-ms")
    {
        Description = $"Hvor mange millisekunder én regel kan bruke per ALIS før den stoppes og blir en regelfeil. Standard: {EvaluationBudget.Default.MaxTime.TotalMilliseconds:0}.",
    };

    private readonly Option<string?> memoryLimit = new("--rule-memory-limit-mb")
    {
        Description = $"Hvor mange MB minne én regel kan bruke per ALIS før den stoppes og blir en regelfeil. Standard: {EvaluationBudget.Default.MaxAllocatedBytes / (1024 * 1024)}.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(timeLimit);
        command.Options.Add(memoryLimit);
    }

    /// <summary>The budget the options ask for, or null after writing in Norwegian why it is not valid.</summary>
    public async Task<EvaluationBudget?> ReadAsync(ParseResult parsed, TextWriter error)
    {
        var budget = RuleBudgetSetting.Parse(parsed.GetValue(timeLimit), parsed.GetValue(memoryLimit), timeLimit.Name, memoryLimit.Name, out var problem);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem);
        }

        return budget;
    }
}
