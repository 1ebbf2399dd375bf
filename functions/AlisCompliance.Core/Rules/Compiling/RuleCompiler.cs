namespace AlisCompliance.Core.Rules;

/// <summary>Compiles workflows into a <see cref="CompiledRuleSet"/>.</summary>
public static class RuleCompiler
{
    /// <summary>
    /// Generates one C# source for all workflows, checks every expression against the allow-list, compiles
    /// one in-memory assembly and loads it into a collectible load context.
    /// </summary>
    /// <exception cref="RuleSetCompilationException">Any expression did not compile or was refused; lists every error.</exception>
    /// <exception cref="ArgumentException">The options are unusable (bad parameter names, non-public or unsafe types).</exception>
    public static CompiledRuleSet Compile(IReadOnlyList<Workflow> workflows, RuleCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(options);
        return new RuleSetCompilation(workflows, options).Compile();
    }
}
