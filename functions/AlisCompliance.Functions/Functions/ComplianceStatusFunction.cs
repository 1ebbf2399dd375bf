using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>GET a municipality's open findings: <c>?format=json</c> (the default) or <c>?format=html</c>. Anonymous to the host, gated by <see cref="HttpFunctionGate"/> (Program.cs says why).</summary>
public sealed class ComplianceStatusFunction(HttpFunctionGate gate, ComplianceStatus status)
{
    [Function(FunctionBindings.ComplianceStatus)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionBindings.StatusRoute)] HttpRequest request,
        string municipalityId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString() is { Length: > 0 } given ? given : null;
        var answer = await gate.RunAsync(request, FunctionBindings.ComplianceStatus, municipalityId, (_, ct) => status.RespondAsync(municipalityId, format, ct), cancellationToken);
        return answer.ToActionResult();
    }
}
