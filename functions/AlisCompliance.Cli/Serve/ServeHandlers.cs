using AlisCompliance.Application.Access;
using AlisCompliance.Application.Alerts;
using AlisCompliance.Application.Digest;
using AlisCompliance.Application.Evaluation;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Application.Ingest;
using AlisCompliance.Application.Operations;
using AlisCompliance.Application.Rules;
using AlisCompliance.Application.Status;
using AlisCompliance.Application.Sweep;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Cli.Serve;

/// <summary>
/// The use case each serve function calls, as one delegate per function. <see cref="FromUseCases"/> is what serve runs:
/// each call resolves the use case from DI (in its own scope, so scoped and singleton registrations both work) and calls
/// the same method the Azure worker's function class calls.
/// <para>
/// This table is the test seam: the use cases are sealed classes without interfaces, so a test that checks the WebJobs
/// mechanics (retries, poison queue, drain) replaces one delegate, e.g. <c>handlers with { EvaluateAlis = … }</c>, and
/// leaves the functions, their bindings, the queue listener and the HTTP routes exactly as serve runs them.
/// </para>
/// </summary>
public sealed record ServeHandlers
{
    public required Func<string, ReadOnlyMemory<byte>, string, CancellationToken, Task<HttpAnswer>> IngestRecords { get; init; }

    public required Func<string, CancellationToken, Task> EvaluateAlis { get; init; }

    public required Func<string, CancellationToken, Task> DeliverAlert { get; init; }

    public required Func<CancellationToken, Task<int>> NightlySweep { get; init; }

    public required Func<CancellationToken, Task<int>> WeeklyDigest { get; init; }

    public required Func<string, string?, CancellationToken, Task<HttpAnswer>> ComplianceStatus { get; init; }

    public required Func<CancellationToken, Task<HttpAnswer>> ServiceHealth { get; init; }

    public required Func<string?, CancellationToken, Task<HttpAnswer>> AuditQuery { get; init; }

    /// <summary>The body, its content type and the caller (whose region bounds a dry run's impact).</summary>
    public required Func<ReadOnlyMemory<byte>, string?, Caller, CancellationToken, Task<HttpAnswer>> PublishRules { get; init; }

    public static ServeHandlers FromUseCases(IServiceScopeFactory scopes) => new()
    {
        IngestRecords = (municipalityId, body, actorId, ct) => InScopeAsync<IngestRecords, HttpAnswer>(scopes, u => u.RespondAsync(municipalityId, body, actorId, ct)),
        EvaluateAlis = (message, ct) => InScopeAsync<EvaluateAlis, bool>(scopes, async u => { await u.RunAsync(message, ct); return true; }),
        DeliverAlert = (message, ct) => InScopeAsync<DeliverAlert, bool>(scopes, async u => { await u.RunAsync(message, ct); return true; }),
        NightlySweep = ct => InScopeAsync<NightlySweep, int>(scopes, u => u.RunAsync(ct)),
        WeeklyDigest = ct => InScopeAsync<WeeklyDigest, int>(scopes, u => u.RunAsync(ct)),
        ComplianceStatus = (municipalityId, format, ct) => InScopeAsync<ComplianceStatus, HttpAnswer>(scopes, u => u.RespondAsync(municipalityId, format, ct)),
        ServiceHealth = ct => InScopeAsync<ServiceHealth, HttpAnswer>(scopes, u => u.RespondAsync(ct)),
        AuditQuery = (month, ct) => InScopeAsync<AuditQuery, HttpAnswer>(scopes, u => u.RespondAsync(month, ct)),
        PublishRules = (body, contentType, caller, ct) => InScopeAsync<PublishRules, HttpAnswer>(scopes, u => u.RespondAsync(body, contentType, caller.Id, caller.RegionMunicipalities, ct)),
    };

    private static async Task<TResult> InScopeAsync<TUseCase, TResult>(IServiceScopeFactory scopes, Func<TUseCase, Task<TResult>> call)
        where TUseCase : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
