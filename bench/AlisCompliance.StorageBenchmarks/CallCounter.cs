namespace AlisCompliance.StorageBenchmarks;

/// <summary>Calls that finished, and calls that threw (the queue retries those).</summary>
internal sealed class CallCounter
{
    private long succeeded;
    private long failed;

    public long Succeeded => Interlocked.Read(ref succeeded);

    public long Failed => Interlocked.Read(ref failed);

    public async Task CountAsync(Func<Task> call)
    {
        try
        {
            await call();
            Interlocked.Increment(ref succeeded);
        }
        catch
        {
            Interlocked.Increment(ref failed);
            throw;
        }
    }
}
