namespace AlisCompliance.Application.Sweep;

/// <summary>The NightlySweep function: queues every ALIS for evaluation, a municipality at a time.</summary>
public sealed class NightlySweep
{
    /// <summary>Returns the number of ALIS queued.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => throw new NotSupportedException("contract only: being implemented");
}
