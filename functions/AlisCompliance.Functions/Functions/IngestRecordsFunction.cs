using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>POST a municipality's records file: 202, 400 with every problem, or 413.</summary>
public sealed class IngestRecordsFunction(IngestRecords ingest)
{
    [Function(FunctionBindings.IngestRecords)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionBindings.IngestRoute)] HttpRequest request,
        string municipalityId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await HttpBody.ReadAsync(request, BoundedBody.MaxIngestBytes, cancellationToken);
        var answer = body is { } records
            ? await ingest.RespondAsync(municipalityId, records, HttpBody.ActorId(request), cancellationToken)
            : BoundedBody.TooLarge(BoundedBody.MaxIngestBytes);
        return answer.ToActionResult();
    }
}
