using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AlisCompliance.Functions.Functions;

/// <summary>POST a rule-set bundle: 200 with the impact (dry run), 201 published, 400 with every problem, 413 or 415.</summary>
public sealed class PublishRulesFunction(PublishRules publish)
{
    [Function(FunctionBindings.PublishRules)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = FunctionBindings.PublishRulesRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await HttpBody.ReadAsync(request, PublishRules.MaxBodyBytes, cancellationToken);
        var answer = body is { } bundle
            ? await publish.RespondAsync(bundle, request.ContentType, HttpBody.ActorId(request), cancellationToken)
            : BoundedBody.TooLarge(PublishRules.MaxBodyBytes);
        return answer.ToActionResult();
    }
}
