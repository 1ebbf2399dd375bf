using System.Text.Json;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Storage;
using AlisCompliance.Tests.Shared;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Functions.Tests.Access;

/// <summary>
/// Each HTTP function called by a caller it must let through, with what its answer must hold. A function missing here is
/// missing from the returned names, so a new function fails the tenant-isolation suite until its right caller is known.
/// </summary>
internal static class SuccessfulCalls
{
    /// <returns>The names of the functions that answered their right caller as expected.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(Func<FunctionRequest, Task<FunctionResponse>> send, IReadOnlyList<HttpFunction> functions, Instant now)
    {
        var function = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var succeeded = new List<string>();
        var recordsA = TenantIsolation.RecordsFile(TestCallers.MunicipalityA);

        var ingest = await send(TenantIsolation.Request(function[FunctionBindings.IngestRecords], TestCallers.MunicipalityA, TenantIsolation.With(TestCallers.IngestA)));
        Expect(ingest.Status == 202, FunctionBindings.IngestRecords, "ingest of A writing A", ingest);

        var leader = await send(new FunctionRequest(function[FunctionBindings.ComplianceStatus], TestCallers.MunicipalityA, TenantIsolation.With(TestCallers.LeaderA)));
        var kontor = await send(new FunctionRequest(function[FunctionBindings.ComplianceStatus], TestCallers.MunicipalityA, TenantIsolation.With(TestCallers.Kontor), Query: "format=html"));
        Expect(leader.Status == 200 && leader.Body.Contains("alis-02", StringComparison.Ordinal) && kontor.Status == 200, FunctionBindings.ComplianceStatus, "leader of A and the region's ALIS-kontor reading A", leader);

        // A dry run, so the rules in force stay as they are.
        var today = LocalDatePattern.Iso.Format(now.InZone(DateTimeZoneProviders.Tzdb["Europe/Oslo"]).Date);
        var publish = await send(new FunctionRequest(function[FunctionBindings.PublishRules], null, TenantIsolation.With(TestCallers.Kontor), PublishRulesBody.Json(today, dryRun: true, PublishRulesBody.MoveTransitionDeadline)));
        Expect(publish.Status == 200 && Text(JsonDocument.Parse(publish.Body).RootElement, "outcome") == "dryRun", FunctionBindings.PublishRules, "the ALIS-kontor dry-running a bundle", publish);

        var health = await send(new FunctionRequest(function[FunctionBindings.ServiceHealth], null, TenantIsolation.With(TestCallers.Operator)));
        Expect(health.Status == 200 && JsonDocument.Parse(health.Body).RootElement.GetProperty("queues").GetArrayLength() == 2, FunctionBindings.ServiceHealth, "operator", health);

        var month = YearMonthPattern.Iso.Format(now.InUtc().Date.ToYearMonth());
        var audit = await send(new FunctionRequest(function[FunctionBindings.AuditQuery], null, TenantIsolation.With(TestCallers.Operator), Query: "month=" + month));
        var entries = audit.Status == 200 ? JsonDocument.Parse(audit.Body).RootElement.GetProperty("entries").EnumerateArray().ToList() : [];
        var ingestAudited = entries.Any(entry => Text(entry, "action") == "records.ingest" && Text(entry, "actorId") == TestCallers.IngestA.Id && Text(entry, "contentHash") == ContentHash.Of(recordsA));
        var kontorAudited = entries.Any(entry => Text(entry, "action") == "status.read" && Text(entry, "actorId") == TestCallers.Kontor.Id && Text(entry, "contentHash") == ContentHash.Of(kontor.Body));
        var leaderNotAudited = !entries.Any(entry => Text(entry, "actorId") == TestCallers.LeaderA.Id);
        Expect(ingestAudited && kontorAudited && leaderNotAudited, FunctionBindings.AuditQuery, "operator reading the month: the ingest and the ALIS-kontor's read, not the leader's own", audit);

        return succeeded;

        void Expect(bool met, string name, string scenario, FunctionResponse response)
        {
            if (met)
            {
                succeeded.Add(name);
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"{name} for {scenario}: got {response.Status} {response.Body[..Math.Min(response.Body.Length, 2000)]}");
            }
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
