using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>POST a municipality's records file: 202, 400 with every problem, or 413. Anonymous to the host, gated by <see cref="HttpFunctionGate"/> (Program.cs says why).</summary>
public sealed class IngestRecordsFunction(HttpFunctionGate gate, IngestRecords ingest)
{
    [Function(FunctionBindings.IngestRecords)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionBindings.IngestRoute)] HttpRequest request,
        string municipalityId,
        CancellationToken cancellationToken)
    {
        var answer = await gate.RunAsync(
            request, FunctionBindings.IngestRecords, municipalityId, (call, ct) => ingest.RespondAsync(municipalityId, call.Body, call.Caller.Id, ct), cancellationToken);
        return answer.ToActionResult();
    }
}
