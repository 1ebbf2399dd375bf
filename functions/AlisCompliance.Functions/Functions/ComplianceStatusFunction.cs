using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Status;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>GET a municipality's open findings: <c>?format=json</c> (the default) or <c>?format=html</c>.</summary>
public sealed class ComplianceStatusFunction(ComplianceStatus status)
{
    [Function(FunctionBindings.ComplianceStatus)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = FunctionBindings.StatusRoute)] HttpRequest request,
        string municipalityId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString() is { Length: > 0 } given ? given : null;
        var answer = await status.RespondAsync(municipalityId, format, cancellationToken);
        return answer.ToActionResult();
    }
}
