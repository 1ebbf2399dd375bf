namespace AlisCompliance.Application.Evaluation;

/// <summary>The EvaluateAlis function: one <c>alis-changed</c> message.</summary>
public sealed class EvaluateAlis
{
    /// <summary>Throws on a message that cannot be processed, so the queue retries it and finally poisons it.</summary>
    public Task RunAsync(string message, CancellationToken cancellationToken) => throw new NotSupportedException("contract only: being implemented");
}
