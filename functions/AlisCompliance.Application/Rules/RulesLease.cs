namespace AlisCompliance.Application.Rules;

/// <summary>
/// The use of one compiled rule-set version: while any lease is held the version stays loaded. Dispose it when the
/// evaluation is done (disposing twice is harmless).
/// </summary>
public sealed class RulesLease(CompiledRules rules, Action release) : IDisposable
{
    private Action? release = release;

    public CompiledRules Rules { get; } = rules;

    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
