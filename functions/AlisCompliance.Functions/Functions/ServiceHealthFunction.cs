using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>GET, for operators: storage reachable, queue and poison-queue lengths. Anonymous to the host, gated by <see cref="HttpFunctionGate"/> (Program.cs says why).</summary>
public sealed class ServiceHealthFunction(HttpFunctionGate gate, ServiceHealth health)
{
    [Function(FunctionBindings.ServiceHealth)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionBindings.HealthRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var answer = await gate.RunAsync(request, FunctionBindings.ServiceHealth, null, (_, ct) => health.RespondAsync(ct), cancellationToken);
        return answer.ToActionResult();
    }
}
