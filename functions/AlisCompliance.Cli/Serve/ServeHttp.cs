using System.Globalization;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The HTTP functions on Kestrel: the routes of <see cref="ServeBindings"/> under host.json's route prefix ("api/"), each
/// passing the same <see cref="HttpFunctionGate"/> as in Azure (keys from serve's settings; Easy Auth's header only when
/// configuration says so) and copying the <see cref="HttpAnswer"/> onto the response.
/// </summary>
internal static class ServeHttp
{
    public static void MapFunctions(IEndpointRouteBuilder endpoints)
    {
        foreach (var binding in ServeBindings.All.Where(b => b.Trigger == ServeTrigger.Http))
        {
            Func<HttpContext, ServeHandlers, string?, GrantedCall, CancellationToken, Task<HttpAnswer>> useCase = binding.FunctionName switch
            {
                FunctionBindings.IngestRecords => (_, handlers, municipalityId, call, ct) => handlers.IngestRecords(municipalityId!, call.Body, call.Caller.Id, ct),
                FunctionBindings.ComplianceStatus => (context, handlers, municipalityId, _, ct) => handlers.ComplianceStatus(municipalityId!, Query(context, "format"), ct),
                FunctionBindings.ServiceHealth => (_, handlers, _, _, ct) => handlers.ServiceHealth(ct),
                FunctionBindings.AuditQuery => (context, handlers, _, _, ct) => handlers.AuditQuery(Query(context, "month"), ct),
                FunctionBindings.PublishRules => (context, handlers, _, call, ct) => handlers.PublishRules(call.Body, context.Request.ContentType, call.Caller, ct),
                _ => throw new InvalidOperationException($"serve has no HTTP handler for {binding.FunctionName}."),
            };
            var functionName = binding.FunctionName;
            RequestDelegate handler = context => RunAsync(context, functionName, useCase);
            endpoints.MapMethods($"/{FunctionBindings.RoutePrefix}/{binding.Route}", [binding.Method!], handler).WithName(functionName);
        }
    }

    private static async Task RunAsync(HttpContext context, string functionName, Func<HttpContext, ServeHandlers, string?, GrantedCall, CancellationToken, Task<HttpAnswer>> useCase)
    {
        var handlers = context.RequestServices.GetRequiredService<ServeHandlers>();
        var gate = context.RequestServices.GetRequiredService<HttpFunctionGate>();
        var municipalityId = MunicipalityId(context);
        var answer = await gate.RunAsync(context.Request, functionName, municipalityId, (call, ct) => useCase(context, handlers, municipalityId, call, ct), context.RequestAborted);
        await WriteAsync(context.Response, answer);
    }

    /// <summary>
    /// The catch-all in front of the routes: whatever fails outside a use case (which the gate already answers for) is a
    /// 500 with an error id in the common JSON shape, never a stack trace.
    /// </summary>
    public static async Task CatchAllAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            var errorId = ErrorAnswers.NewErrorId();
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeHttp));
            ServeLog.RequestFailed(logger, exception, context.Request.Path.Value ?? "/", errorId);
            context.Response.Clear();
            await WriteAsync(context.Response, ErrorAnswers.Failed(errorId));
        }
    }

    private static string? MunicipalityId(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("municipalityId", out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static string? Query(HttpContext context, string name) => context.Request.Query[name].ToString() is { Length: > 0 } given ? given : null;

    private static async Task WriteAsync(HttpResponse response, HttpAnswer answer)
    {
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        await response.WriteAsync(answer.Body, response.HttpContext.RequestAborted);
    }
}
