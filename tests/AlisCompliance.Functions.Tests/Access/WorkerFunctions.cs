using System.Reflection;
using System.Text;
using AlisCompliance.Functions.Functions;
using AlisCompliance.Functions.Tests.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Functions.Tests.Access;

/// <summary>
/// The worker's HTTP functions as the Functions host finds them (the <c>[Function]</c> methods with an
/// <c>[HttpTrigger]</c>, which the build turns into functions.metadata: a publish test keeps the two equal), called by name
/// with the request the host would bind.
/// </summary>
internal static class WorkerFunctions
{
    public static IReadOnlyList<HttpFunction> Http { get; } = [.. Methods().Select(entry => entry.Function)];

    public static async Task<FunctionResponse> InvokeAsync(WorkerServices worker, FunctionRequest request)
    {
        var method = Methods().Single(entry => entry.Function.Name == request.Function.Name).Method;
        var instance = ActivatorUtilities.CreateInstance(worker.Services, method.DeclaringType!);
        var context = new DefaultHttpContext();
        context.Request.Method = request.Function.Method;
        context.Request.QueryString = request.Query is null ? QueryString.Empty : new QueryString("?" + request.Query);
        foreach (var (name, value) in request.Headers)
        {
            context.Request.Headers[name] = value;
        }

        if (request.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(request.Body);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        var arguments = method.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var type when type == typeof(HttpRequest) => context.Request,
            var type when type == typeof(CancellationToken) => CancellationToken.None,
            _ when parameter.Name == "municipalityId" => (object?)request.MunicipalityId,
            _ => throw new InvalidOperationException($"{request.Function.Name}: no value for parameter {parameter.Name}"),
        }).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(instance, arguments)!;
        var content = (ContentResult)result;
        return new FunctionResponse(content.StatusCode!.Value, content.Content!);
    }

    private static IEnumerable<(HttpFunction Function, MethodInfo Method)> Methods() =>
        from type in typeof(IngestRecordsFunction).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let name = method.GetCustomAttribute<FunctionAttribute>()?.Name
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)
        where name is not null && trigger is not null
        select (new HttpFunction(name, trigger.Methods!.Single().ToUpperInvariant(), trigger.Route!), method);
}
