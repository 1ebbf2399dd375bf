namespace AlisCompliance.Application.Alerts;

/// <summary>The DeliverAlert function: one <c>leader-alerts</c> message.</summary>
public sealed class DeliverAlert
{
    public Task RunAsync(string message, CancellationToken cancellationToken) => throw new NotSupportedException("contract only: being implemented");
}
