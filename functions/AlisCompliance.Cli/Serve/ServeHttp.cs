using System.Globalization;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The HTTP functions on Kestrel: the routes of <see cref="ServeBindings"/> under host.json's route prefix ("api/"), each
/// calling its use case and copying the <see cref="HttpAnswer"/> onto the response. Function keys are not checked here,
/// as Core Tools does not check them either: serve listens on the loopback interface only.
/// </summary>
internal static class ServeHttp
{
    public static void MapFunctions(IEndpointRouteBuilder endpoints)
    {
        foreach (var binding in ServeBindings.All.Where(b => b.Trigger == ServeTrigger.Http))
        {
            RequestDelegate handler = binding.FunctionName switch
            {
                FunctionBindings.IngestRecords => IngestRecordsAsync,
                FunctionBindings.ComplianceStatus => ComplianceStatusAsync,
                FunctionBindings.PublishRules => PublishRulesAsync,
                _ => throw new InvalidOperationException($"serve has no HTTP handler for {binding.FunctionName}."),
            };
            endpoints.MapMethods($"/{FunctionBindings.RoutePrefix}/{binding.Route}", [binding.Method!], handler).WithName(binding.FunctionName);
        }
    }

    private static async Task IngestRecordsAsync(HttpContext context)
    {
        var handlers = context.RequestServices.GetRequiredService<ServeHandlers>();
        var body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, BoundedBody.MaxIngestBytes, context.RequestAborted);
        var answer = body is { } records
            ? await handlers.IngestRecords(MunicipalityId(context), records, ActorId(context.Request), context.RequestAborted)
            : BoundedBody.TooLarge(BoundedBody.MaxIngestBytes);
        await WriteAsync(context.Response, answer);
    }

    private static async Task ComplianceStatusAsync(HttpContext context)
    {
        var handlers = context.RequestServices.GetRequiredService<ServeHandlers>();
        var format = context.Request.Query["format"].ToString() is { Length: > 0 } given ? given : null;
        await WriteAsync(context.Response, await handlers.ComplianceStatus(MunicipalityId(context), format, context.RequestAborted));
    }

    private static async Task PublishRulesAsync(HttpContext context)
    {
        var handlers = context.RequestServices.GetRequiredService<ServeHandlers>();
        var body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, PublishRules.MaxBodyBytes, context.RequestAborted);
        var answer = body is { } bundle
            ? await handlers.PublishRules(bundle, context.Request.ContentType, ActorId(context.Request), context.RequestAborted)
            : BoundedBody.TooLarge(PublishRules.MaxBodyBytes);
        await WriteAsync(context.Response, answer);
    }

    private static string MunicipalityId(HttpContext context) => Convert.ToString(context.Request.RouteValues["municipalityId"], CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>App Service Authentication's principal id when a caller sends one, else "local": ids only, for the audit log.</summary>
    private static string ActorId(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-ID"].ToString() is { Length: > 0 } principal ? principal : "local";

    private static async Task WriteAsync(HttpResponse response, HttpAnswer answer)
    {
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        await response.WriteAsync(answer.Body, response.HttpContext.RequestAborted);
    }
}
