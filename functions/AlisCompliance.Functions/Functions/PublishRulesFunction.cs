using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>
/// POST a rule-set bundle: 200 with the impact (dry run), 201 published, 400 with every problem, 413 or 415. ALIS-kontor
/// only. Anonymous to the host, gated by <see cref="HttpFunctionGate"/> (Program.cs says why).
/// </summary>
public sealed class PublishRulesFunction(HttpFunctionGate gate, PublishRules publish)
{
    [Function(FunctionBindings.PublishRules)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionBindings.PublishRulesRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await gate.RunAsync(
            request, FunctionBindings.PublishRules, null, (call, ct) => publish.RespondAsync(call.Body, request.ContentType, call.Caller.Id, call.Caller.RegionMunicipalities, ct), cancellationToken);
        return answer.ToActionResult();
    }
}
