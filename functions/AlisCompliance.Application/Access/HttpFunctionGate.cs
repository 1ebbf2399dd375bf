using System.Net.Http.Headers;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Storage;
using AlisCompliance.Storage.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlisCompliance.Application.Access;

/// <summary>
/// What every HTTP function does before and around its use case, in the Azure worker and in serve alike: authenticate
/// (401), authorize role and scope by <see cref="AccessTable"/> (403, one body for every refusal), check the body
/// (GETs take none, JSON must say so, each function's size limit), run the use case with an error id instead of a stack
/// trace, and audit a read of a municipality by a caller outside it.
/// </summary>
public sealed partial class HttpFunctionGate(CallerAuthenticator authenticator, FailedAuthentications failures, AuditLog audit, ILogger<HttpFunctionGate> logger)
{
    /// <param name="request">The request as the host received it.</param>
    /// <param name="functionName">The function's name, its key in <see cref="AccessTable"/>.</param>
    /// <param name="routeMunicipalityId">The route's <c>{municipalityId}</c>; null when the route has none.</param>
    /// <param name="useCase">The function's use case, called only when the request may run.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>The use case's answer, or the refusal.</returns>
    public async Task<HttpAnswer> RunAsync(
        HttpRequest request,
        string functionName,
        string? routeMunicipalityId,
        Func<GrantedCall, CancellationToken, Task<HttpAnswer>> useCase,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(useCase);
        var authentication = authenticator.Authenticate(request.Headers);
        if (authentication.Caller is not { } caller)
        {
            failures.Record(functionName, authentication.Failure!.Value);
            return ErrorAnswers.Unauthenticated;
        }

        if (AccessTable.Grant(functionName, caller, routeMunicipalityId) is not { } access)
        {
            LogDenied(caller.Id, functionName, routeMunicipalityId ?? "-");
            return ErrorAnswers.Forbidden;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsJson(request.ContentType))
        {
            return ErrorAnswers.UnsupportedMediaType;
        }

        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, access.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return access.MaxBodyBytes == 0 ? ErrorAnswers.BodyNotAllowed : ErrorAnswers.TooLarge(access.MaxBodyBytes);
        }

        try
        {
            var answer = await useCase(new GrantedCall(caller, body.Value), cancellationToken);
            if (access.OutsideAccessAuditAction is { } action && routeMunicipalityId is { } municipalityId && caller.IsOutside(municipalityId))
            {
                await audit.WriteAsync(
                    caller.Id,
                    action,
                    RecordKeys.MunicipalityPartition(municipalityId),
                    $$"""{"status":{{answer.StatusCode}}}""",
                    ContentHash.Of(answer.Body),
                    cancellationToken);
            }

            return answer;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var errorId = ErrorAnswers.NewErrorId();
            LogFailed(exception, functionName, caller.Id, errorId);
            return ErrorAnswers.Failed(errorId);
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (parsed.CharSet is null || string.Equals(parsed.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Access denied: {CallerId} to {Function} for municipality {MunicipalityId}")]
    private partial void LogDenied(string callerId, string function, string municipalityId);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Error, Message = "{Function} failed for {CallerId}; error id {ErrorId}")]
    private partial void LogFailed(Exception exception, string function, string callerId, string errorId);
}
