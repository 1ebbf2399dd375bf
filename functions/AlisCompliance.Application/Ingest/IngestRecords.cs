using AlisCompliance.Application.Hosting;

namespace AlisCompliance.Application.Ingest;

/// <summary>The IngestRecords function: one municipality's records file over HTTP.</summary>
public sealed class IngestRecords
{
    /// <summary>202 with a summary; 400 with every problem; 413 over the size limit; nothing written unless 202.</summary>
    public Task<HttpAnswer> RespondAsync(string municipalityId, ReadOnlyMemory<byte> body, string actorId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("contract only: being implemented");
}
