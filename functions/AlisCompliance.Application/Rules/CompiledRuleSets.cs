using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// Compiled rule-set versions by content hash: compiling takes a second or two, so each version is compiled once and
/// shared. At most <see cref="Capacity"/> versions are kept (in practice the one in force and the next); the least
/// recently used beyond that is evicted and disposed — which unloads its assembly and makes it unusable — only once the
/// last <see cref="RulesLease"/> on it is released, so an evaluation never loses its rules halfway.
/// <para>Every compilation of the service goes through <see cref="CompileWorkflows"/>: the one place for compiler options.</para>
/// </summary>
/// <param name="budget">Time and memory per top-level rule and ALIS (<c>AlisCompliance:RuleBudget</c>); <see cref="EvaluationBudget.Default"/> when null.</param>
public sealed class CompiledRuleSets(EvaluationBudget? budget = null) : IDisposable
{
    public const int Capacity = 4;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long uses;

    /// <summary>Compiles workflow files, throwing <see cref="Core.Rules.RuleSetCompilationException"/> with every error.</summary>
    public ComplianceRuleSet CompileWorkflows(IReadOnlyList<RuleSource> workflows) => ComplianceRuleSet.Compile(workflows, budget);

    /// <summary>Compiles a bundle's workflows and reads its catalog; throws on the first part that is broken.</summary>
    public CompiledRules Compile(RuleBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var catalog = CatalogReader.Read(
            bundle.Goals ?? throw new InvalidDataException($"{RuleBundle.GoalsPath} mangler."),
            bundle.ArenaTypes ?? throw new InvalidDataException($"{RuleBundle.ArenaTypesPath} mangler."));
        var ruleSet = CompileWorkflows(bundle.Workflows);
        return new CompiledRules(new ComplianceChecker(ruleSet, catalog), ruleSet, catalog, bundle.ContentHash);
    }

    /// <summary>
    /// The compiled version with this content hash, loading its bundle with <paramref name="load"/> and compiling it the
    /// first time. Dispose the lease when done evaluating.
    /// </summary>
    public async Task<RulesLease> AcquireAsync(string contentHash, Func<CancellationToken, Task<RuleBundle>> load, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        ArgumentNullException.ThrowIfNull(load);
        Entry entry;
        lock (gate)
        {
            if (!entries.TryGetValue(contentHash, out entry!))
            {
                // Compiled without the caller's token: other callers wait for the same compilation.
                entry = new Entry(Task.Run(async () => Compile(await load(CancellationToken.None))));
                entries.Add(contentHash, entry);
            }

            entry.Leases++;
            entry.LastUse = ++uses;
            EvictBeyondCapacity();
        }

        try
        {
            var rules = await entry.Compiled.WaitAsync(cancellationToken);
            return new RulesLease(rules, () => Release(entry));
        }
        catch
        {
            lock (gate)
            {
                // A failed compilation is not cached: the next evaluation (the queue's retry) tries again.
                if (entry.Compiled.IsFaulted && entries.TryGetValue(contentHash, out var cached) && cached == entry)
                {
                    entries.Remove(contentHash);
                }
            }

            Release(entry);
            throw;
        }
    }

    /// <summary>Disposes every version no lease holds; the others when their last lease is released.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var entry in entries.Values)
            {
                Retire(entry);
            }

            entries.Clear();
        }
    }

    private void EvictBeyondCapacity()
    {
        while (entries.Count > Capacity)
        {
            var oldest = entries.MinBy(pair => pair.Value.LastUse);
            entries.Remove(oldest.Key);
            Retire(oldest.Value);
        }
    }

    private static void Retire(Entry entry)
    {
        entry.Retired = true;
        if (entry.Leases == 0)
        {
            DisposeWhenCompiled(entry);
        }
    }

    private void Release(Entry entry)
    {
        lock (gate)
        {
            entry.Leases--;
            if (entry.Leases == 0 && entry.Retired)
            {
                DisposeWhenCompiled(entry);
            }
        }
    }

    private static void DisposeWhenCompiled(Entry entry)
    {
        if (entry.Compiled.IsCompleted)
        {
            DisposeIfCompiled(entry.Compiled);
            return;
        }

        _ = entry.Compiled.ContinueWith(DisposeIfCompiled, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void DisposeIfCompiled(Task<CompiledRules> compiled)
    {
        if (compiled.IsCompletedSuccessfully)
        {
            compiled.Result.RuleSet.Dispose();
        }
    }

    private sealed class Entry(Task<CompiledRules> compiled)
    {
        public Task<CompiledRules> Compiled { get; } = compiled;

        public int Leases { get; set; }

        public long LastUse { get; set; }

        public bool Retired { get; set; }
    }
}
