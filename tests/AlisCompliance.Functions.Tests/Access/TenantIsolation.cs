using System.Text.Json.Nodes;
using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using Azure.Data.Tables;

namespace AlisCompliance.Functions.Tests.Access;

/// <summary>One HTTP function as a host binds it: name, method, route (without "api/").</summary>
internal sealed record HttpFunction(string Name, string Method, string Route)
{
    public bool HasMunicipality => Route.Contains("{municipalityId}", StringComparison.Ordinal);
}

/// <summary>A request to one HTTP function, whichever host receives it.</summary>
internal sealed record FunctionRequest(HttpFunction Function, string? MunicipalityId, IReadOnlyDictionary<string, string> Headers, string? Body = null, string? Query = null);

internal sealed record FunctionResponse(int Status, string Body);

/// <summary>
/// The tenant-isolation scenarios, run the same way against the Azure worker's function classes and against serve over
/// HTTP, for every HTTP function the host binds: a function the access table does not know, or one that lets a wrong
/// caller through, is a failure. Failures are collected, so one run names every function and scenario that failed.
/// </summary>
internal sealed class TenantIsolation(Func<FunctionRequest, Task<FunctionResponse>> send, bool easyAuth)
{
    private readonly List<string> failures = [];

    public IReadOnlyList<string> Failures => failures;

    public static IReadOnlyDictionary<string, string> NoHeaders { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> With(TestKey key) => new Dictionary<string, string>(StringComparer.Ordinal) { [AccessKeys.Header] = key.Key };

    public static IReadOnlyDictionary<string, string> With(string principal) => new Dictionary<string, string>(StringComparer.Ordinal) { [ClientPrincipal.Header] = principal };

    /// <summary>A municipality's records file: the Åsnes sample, as municipality <paramref name="municipalityId"/>.</summary>
    public static string RecordsFile(string municipalityId)
    {
        var root = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "asnes", "asnes.json")))!;
        root["municipality"]!["id"] = municipalityId;
        return root.ToJsonString();
    }

    /// <summary>Every stored row's key and ETag in the records, municipalities and audit tables: equal before and after means nothing was written.</summary>
    public static async Task<string> StorageFingerprintAsync(ComplianceStorage storage)
    {
        var rows = new List<string>();
        foreach (var table in new[] { storage.Records, storage.Municipalities, storage.Audit })
        {
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }

    /// <summary>Every refusal for every function; <paramref name="functions"/> is what the host binds.</summary>
    public async Task RefuseEverythingWrongAsync(IReadOnlyList<HttpFunction> functions)
    {
        foreach (var function in functions)
        {
            if (!AccessTable.Entries.TryGetValue(function.Name, out var access))
            {
                failures.Add($"{function.Name}: no entry in AccessTable");
                continue;
            }

            await RefuseUnauthenticatedAsync(function, access);
            await RefuseWrongRolesAsync(function, access);
            if (function.HasMunicipality)
            {
                await RefuseOtherMunicipalitiesAlikeAsync(function, access);
            }
        }
    }

    /// <summary>A and B stored, each by its own ingest caller, so that "B exists" is true while A's callers are refused it.</summary>
    public async Task IngestBothMunicipalitiesAsync(IReadOnlyList<HttpFunction> functions)
    {
        var ingest = functions.Single(function => function.Name == FunctionBindings.IngestRecords);
        await ExpectAsync("setup: ingest of A writing A", Request(ingest, TestCallers.MunicipalityA, With(TestCallers.IngestA)), 202);
        await ExpectAsync("setup: ingest of B writing B", Request(ingest, TestCallers.MunicipalityB, With(TestCallers.IngestB)), 202);
    }

    /// <summary>The ingest caller of A posting B's records file to A's own route: refused by the records' own municipality id.</summary>
    public async Task RefuseAnotherMunicipalitysFileAsync(IReadOnlyList<HttpFunction> functions)
    {
        var ingest = functions.Single(function => function.Name == FunctionBindings.IngestRecords);
        var request = Request(ingest, TestCallers.MunicipalityA, With(TestCallers.IngestA)) with { Body = RecordsFile(TestCallers.MunicipalityB) };
        await ExpectAsync("of A posting B's file to A's route", request, 400);
    }

    public async Task ExpectAsync(string scenario, FunctionRequest request, int status, string? body = null)
    {
        var response = await send(request);
        if (response.Status != status || (body is not null && !string.Equals(response.Body, body, StringComparison.Ordinal)))
        {
            failures.Add($"{request.Function.Name} {scenario}: expected {status} {body}, got {response.Status} {response.Body[..Math.Min(response.Body.Length, 300)]}");
        }
    }

    public static FunctionRequest Request(HttpFunction function, string municipalityId, IReadOnlyDictionary<string, string> headers) =>
        new(function, function.HasMunicipality ? municipalityId : null, headers, function.Method == "POST" ? RecordsFile(municipalityId) : null);

    private async Task RefuseUnauthenticatedAsync(HttpFunction function, FunctionAccess access)
    {
        var unauthenticated = ErrorAnswers.Unauthenticated.Body;
        var role = access.Roles.First();
        await ExpectAsync("without credentials", Request(function, TestCallers.MunicipalityA, NoHeaders), 401, unauthenticated);
        await ExpectAsync("with an unknown key", Request(function, TestCallers.MunicipalityA, new Dictionary<string, string>(StringComparer.Ordinal) { [AccessKeys.Header] = "guessed" }), 401, unauthenticated);
        await ExpectAsync("with an expired key", Request(function, TestCallers.MunicipalityA, With(TestCallers.ExpiredLeaderA)), 401, unauthenticated);
        var valid = PrincipalInA(role, TestCallers.FutureExp);
        if (easyAuth)
        {
            await ExpectAsync("with a principal that is not base64", Request(function, TestCallers.MunicipalityA, With("not base64!")), 401, unauthenticated);
            await ExpectAsync("with a principal that is not JSON", Request(function, TestCallers.MunicipalityA, With(Convert.ToBase64String("{\"claims\":"u8.ToArray()))), 401, unauthenticated);
            await ExpectAsync("with a principal without roles", Request(function, TestCallers.MunicipalityA, With(TestCallers.Principal("oid-none", [], [TestCallers.MunicipalityA], TestCallers.Region))), 401, unauthenticated);
            await ExpectAsync("with an expired principal", Request(function, TestCallers.MunicipalityA, With(PrincipalInA(role, TestCallers.PastExp))), 401, unauthenticated);
        }
        else
        {
            await ExpectAsync("with a valid principal while Easy Auth is off (forged)", Request(function, TestCallers.MunicipalityA, With(valid)), 401, unauthenticated);
        }
    }

    private async Task RefuseWrongRolesAsync(HttpFunction function, FunctionAccess access)
    {
        foreach (var role in AccessRoles.All.Where(role => !access.Roles.Contains(role)))
        {
            await ExpectAsync($"for key role {role}", Request(function, TestCallers.MunicipalityA, With(TestCallers.InA(role))), 403, ErrorAnswers.Forbidden.Body);
            if (easyAuth)
            {
                await ExpectAsync($"for principal role {role}", Request(function, TestCallers.MunicipalityA, With(PrincipalInA(role, TestCallers.FutureExp))), 403, ErrorAnswers.Forbidden.Body);
            }
        }
    }

    /// <summary>
    /// A caller of an allowed role asking for a municipality outside its scope gets the very answer it gets for one that
    /// does not exist: B is stored, 9999 is not.
    /// </summary>
    private async Task RefuseOtherMunicipalitiesAlikeAsync(HttpFunction function, FunctionAccess access)
    {
        foreach (var role in access.Roles)
        {
            var inA = With(TestCallers.InA(role));
            if (role != AccessRoles.AlisKontor)
            {
                await ExpectAsync($"{role} of A asking for B", Request(function, TestCallers.MunicipalityB, inA), 403, ErrorAnswers.Forbidden.Body);
                await ExpectAsync($"{role} of A asking for a municipality that does not exist", Request(function, TestCallers.MunicipalityNowhere, inA), 403, ErrorAnswers.Forbidden.Body);
            }

            if (TestCallers.OutsideA(role) is { } outside)
            {
                await ExpectAsync($"{role} outside A asking for A", Request(function, TestCallers.MunicipalityA, With(outside)), 403, ErrorAnswers.Forbidden.Body);
                await ExpectAsync($"{role} outside A asking for a municipality that does not exist", Request(function, TestCallers.MunicipalityNowhere, With(outside)), 403, ErrorAnswers.Forbidden.Body);
            }

            if (easyAuth)
            {
                var ofB = TestCallers.Principal("oid-b-" + role, [role], role == AccessRoles.AlisKontor ? [] : [TestCallers.MunicipalityB], role == AccessRoles.AlisKontor ? "nordland" : null);
                await ExpectAsync($"{role} principal outside A asking for A", Request(function, TestCallers.MunicipalityA, With(ofB)), 403, ErrorAnswers.Forbidden.Body);
            }
        }
    }

    private static string PrincipalInA(string role, long exp) => role == AccessRoles.AlisKontor
        ? TestCallers.Principal("oid-" + role, [role], [], TestCallers.Region, exp)
        : TestCallers.Principal("oid-" + role, [role], [TestCallers.MunicipalityA], exp: exp);
}
