namespace AlisCompliance.Application.Digest;

/// <summary>The WeeklyDigest function: fires hourly; sends each municipality's digest once per ISO week from Monday 07:00 Oslo time.</summary>
public sealed class WeeklyDigest
{
    /// <summary>Returns the number of digests sent in this run.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => throw new NotSupportedException("contract only: being implemented");
}
