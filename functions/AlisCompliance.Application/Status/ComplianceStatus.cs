using AlisCompliance.Application.Hosting;

namespace AlisCompliance.Application.Status;

/// <summary>The ComplianceStatus function: a municipality's open findings, as JSON or as an HTML page for a phone.</summary>
public sealed class ComplianceStatus
{
    /// <summary><paramref name="format"/> is "html" or "json" (the default).</summary>
    public Task<HttpAnswer> RespondAsync(string municipalityId, string? format, CancellationToken cancellationToken) => throw new NotSupportedException("contract only: being implemented");
}
