using AlisCompliance.Cli.Serve;

namespace AlisCompliance.StorageBenchmarks;

/// <summary>
/// Wraps serve's use cases (the real ones) to count what the functions finished. DeliverAlert can be held at a gate while
/// a sweep is measured alone (a held delivery waits inside the function, so its message stays invisible, the listener
/// renews it, and it is delivered once the gate opens), or replaced by a discard that takes the message off the queue
/// and delivers nothing.
/// </summary>
internal sealed class SweepProbe(bool discardDeliveries)
{
    private volatile TaskCompletionSource deliveries = Opened();

    public CallCounter Evaluations { get; } = new();

    public CallCounter Deliveries { get; } = new();

    public void HoldDeliveries() => deliveries = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseDeliveries() => deliveries.TrySetResult();

    public ServeHandlers Wrap(ServeHandlers inner) => inner with
    {
        EvaluateAlis = (message, cancellationToken) => Evaluations.CountAsync(() => inner.EvaluateAlis(message, cancellationToken)),
        DeliverAlert = discardDeliveries
            ? (_, _) => Deliveries.CountAsync(() => Task.CompletedTask)
            : async (message, cancellationToken) =>
            {
                await deliveries.Task.WaitAsync(cancellationToken);
                await Deliveries.CountAsync(() => inner.DeliverAlert(message, cancellationToken));
            },
    };

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }
}
