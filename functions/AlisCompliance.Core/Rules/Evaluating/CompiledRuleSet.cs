using System.Runtime.Loader;
using NodaTime;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Rules compiled into one in-memory assembly. Thread-safe for evaluation; dispose it to unload the assembly.
/// </summary>
public sealed class CompiledRuleSet : IDisposable
{
    private readonly CompiledWorkflow[] workflows;
    private readonly Dictionary<string, int> workflowIndexes;
    private readonly bool[] parameterAcceptsNull;
    private readonly Func<object?, string> formatValue;
    private AssemblyLoadContext? loadContext;
    private ActiveRules? lastActiveRules;
    private int disposed;

    internal CompiledRuleSet(
        IReadOnlyList<CompiledWorkflow> workflows,
        IReadOnlyList<RuleParameter> parameters,
        Func<object?, string> formatValue,
        AssemblyLoadContext loadContext,
        string generatedSource)
    {
        this.workflows = [.. workflows];
        this.formatValue = formatValue;
        this.loadContext = loadContext;
        Parameters = parameters;
        GeneratedSource = generatedSource;
        workflowIndexes = this.workflows
            .Select((workflow, index) => (workflow.Name, index))
            .ToDictionary(entry => entry.Name, entry => entry.index, StringComparer.Ordinal);
        parameterAcceptsNull = [.. parameters.Select(parameter => !parameter.Type.IsValueType || Nullable.GetUnderlyingType(parameter.Type) is not null)];
        Rules = [.. this.workflows.SelectMany(workflow => workflow.TopLevelNodes.Select(index => workflow.Nodes[index]))];
        WorkflowNames = [.. this.workflows.Select(workflow => workflow.Name)];
    }

    public IReadOnlyList<RuleParameter> Parameters { get; }

    /// <summary>What compiled but deserves the rule editor's attention, above all expressions Microsoft RulesEngine cannot run.</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; init; } = [];

    /// <summary>How much time and memory each top-level rule may use for one set of inputs; over it, the rule gets an evaluation error.</summary>
    public EvaluationBudget Budget { get; init; } = EvaluationBudget.Default;

    /// <summary>Whether the rules were compiled to record what they read (<see cref="RuleCompilerOptions.RecordReadsOf"/>), for <see cref="Trace"/>.</summary>
    public bool RecordsReads { get; init; }

    /// <summary>The top-level rules of every workflow, in workflow and file order; nested rules are their Children.</summary>
    public IReadOnlyList<RuleMetadata> Rules { get; }

    /// <summary>The number of top-level rules (enabled or not).</summary>
    public int RuleCount => Rules.Count;

    public IReadOnlyList<string> WorkflowNames { get; }

    internal string GeneratedSource { get; }

    internal AssemblyLoadContext? LoadContext => loadContext;

    /// <summary>
    /// Runs every enabled top-level rule whose effective period contains <paramref name="effectiveOn"/>,
    /// in workflow and file order. Other rules do not run and get no result.
    /// </summary>
    /// <param name="inputs">One value per <see cref="Parameters"/> entry, in that order.</param>
    public IReadOnlyList<RuleResult> Evaluate(IReadOnlyList<object?> inputs, LocalDate effectiveOn)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        ValidateInputs(inputs);
        var active = ActiveRulesOn(effectiveOn);
        var results = new List<RuleResult>(RuleCount);
        for (var index = 0; index < workflows.Length; index++)
        {
            EvaluateWorkflow(index, active, inputs, results);
        }

        return results;
    }

    /// <summary>Like <see cref="Evaluate(IReadOnlyList{object?}, LocalDate)"/> for the one workflow named <paramref name="workflowName"/>.</summary>
    public IReadOnlyList<RuleResult> Evaluate(string workflowName, IReadOnlyList<object?> inputs, LocalDate effectiveOn)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(workflowName);
        if (!workflowIndexes.TryGetValue(workflowName, out var index))
        {
            throw new ArgumentException($"The rule set has no workflow '{workflowName}' (it has: {string.Join(", ", WorkflowNames)}).", nameof(workflowName));
        }

        ValidateInputs(inputs);
        var results = new List<RuleResult>(workflows[index].TopLevelNodes.Length);
        EvaluateWorkflow(index, ActiveRulesOn(effectiveOn), inputs, results);
        return results;
    }

    /// <summary>
    /// <see cref="Evaluate(IReadOnlyList{object?}, LocalDate)"/>, and for each rule (nested ones included) the facts it
    /// read, when the rules were compiled with <see cref="RuleCompilerOptions.RecordReadsOf"/>; otherwise none.
    /// </summary>
    public RuleTrace Trace(IReadOnlyList<object?> inputs, LocalDate effectiveOn)
    {
        var (results, recorded) = FactRecorder.During(() => Evaluate(inputs, effectiveOn));
        var facts = new Dictionary<RuleMetadata, IReadOnlyList<FactValue>>(ReferenceEqualityComparer.Instance);
        foreach (var ((workflow, rule), values) in recorded)
        {
            if (rule >= 0)
            {
                facts[workflows[workflow].Nodes[rule]] = values;
            }
        }

        return new RuleTrace(results, facts);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var workflow in workflows)
        {
            workflow.Release();
        }

        lastActiveRules = null;
        Interlocked.Exchange(ref loadContext, null)?.Unload();
    }

    private void EvaluateWorkflow(int index, ActiveRules active, IReadOnlyList<object?> inputs, List<RuleResult> results)
    {
        if (!active.AnyTopLevel[index])
        {
            return;
        }

        var workflow = workflows[index];
        var evaluator = workflow.Evaluator ?? throw new ObjectDisposedException(nameof(CompiledRuleSet));
        var activeNodes = active.Nodes[index];
        var output = new RuleResult?[workflow.Nodes.Length];
        var previousBudget = RuleBudget.Use(Budget);
        try
        {
            evaluator(inputs, activeNodes, output, workflow.Nodes, formatValue);
        }
        catch (GlobalParameterEvaluationException exception)
        {
            var message = $"GlobalParams[{workflow.GlobalParamNames[exception.ParameterIndex]}]: {GeneratedRuleSupport.Describe(exception.InnerException ?? exception)}";
            foreach (var node in workflow.TopLevelNodes)
            {
                if (activeNodes[node])
                {
                    output[node] = new RuleResult(workflow.Nodes[node], false, null, [], [], message);
                }
            }
        }
        finally
        {
            RuleBudget.Use(previousBudget);
        }

        foreach (var node in workflow.TopLevelNodes)
        {
            if (output[node] is { } result)
            {
                results.Add(result);
            }
        }
    }

    private ActiveRules ActiveRulesOn(LocalDate effectiveOn)
    {
        // Callers typically evaluate many input sets for the same date, so the last date's masks are reused.
        var cached = Volatile.Read(ref lastActiveRules);
        if (cached is not null && cached.Date == effectiveOn)
        {
            return cached;
        }

        var nodes = workflows.Select(workflow => workflow.ActiveNodes(effectiveOn)).ToArray();
        var anyTopLevel = workflows.Select((workflow, index) => workflow.TopLevelNodes.Any(node => nodes[index][node])).ToArray();
        var computed = new ActiveRules(effectiveOn, nodes, anyTopLevel);
        Volatile.Write(ref lastActiveRules, computed);
        return computed;
    }

    private void ValidateInputs(IReadOnlyList<object?> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Parameters.Count)
        {
            throw new ArgumentException(
                $"Expected {Parameters.Count} input(s) ({string.Join(", ", Parameters.Select(parameter => parameter.Name))}), got {inputs.Count}.",
                nameof(inputs));
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var value = inputs[i];
            var parameter = Parameters[i];
            if (value is null ? !parameterAcceptsNull[i] : !parameter.Type.IsInstanceOfType(value))
            {
                throw new ArgumentException(
                    $"Input {i} ('{parameter.Name}') must be {parameter.Type}, but is {value?.GetType().ToString() ?? "null"}.",
                    nameof(inputs));
            }
        }
    }

    private sealed record ActiveRules(LocalDate Date, bool[][] Nodes, bool[] AnyTopLevel);
}
