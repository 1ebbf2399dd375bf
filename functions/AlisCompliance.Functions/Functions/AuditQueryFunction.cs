using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>GET <c>?month=2026-12</c>, for operators: that month's audit entries. Anonymous to the host, gated by <see cref="HttpFunctionGate"/> (Program.cs says why).</summary>
public sealed class AuditQueryFunction(HttpFunctionGate gate, AuditQuery audit)
{
    [Function(FunctionBindings.AuditQuery)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionBindings.AuditRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var month = request.Query["month"].ToString();
        var answer = await gate.RunAsync(request, FunctionBindings.AuditQuery, null, (_, ct) => audit.RespondAsync(month, ct), cancellationToken);
        return answer.ToActionResult();
    }
}
