using AlisCompliance.Functions.Tests.Invocation;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Functions.Tests.Access;

/// <summary>
/// Tenant isolation in the Azure worker: every HTTP function refuses every wrong caller (and writes nothing), and lets the
/// right one through, on the worker's real services and Azurite. serve runs the same scenarios over HTTP.
/// </summary>
[Collection(AzuriteFunctions.Name)]
public sealed class WorkerTenantIsolationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_http_function_refuses_every_wrong_caller_and_writes_nothing(bool easyAuth)
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString, easyAuth);
        var isolation = new TenantIsolation(request => WorkerFunctions.InvokeAsync(worker, request), easyAuth);
        await isolation.IngestBothMunicipalitiesAsync(WorkerFunctions.Http);
        var before = await TenantIsolation.StorageFingerprintAsync(worker.Storage);

        await isolation.RefuseEverythingWrongAsync(WorkerFunctions.Http);
        await isolation.RefuseAnotherMunicipalitysFileAsync(WorkerFunctions.Http);

        isolation.Failures.Should().BeEmpty();
        (await TenantIsolation.StorageFingerprintAsync(worker.Storage)).Should().Be(before, "no refused request may write anything");
    }

    [Fact]
    public async Task The_right_caller_reaches_every_http_function_and_reads_outside_its_municipality_are_audited()
    {
        await using var worker = await WorkerServices.StartAsync(azurite.ConnectionString, easyAuth: true);

        var succeeded = await SuccessfulCalls.RunAsync(request => WorkerFunctions.InvokeAsync(worker, request), WorkerFunctions.Http, WorkerServices.SampleNow);

        succeeded.Should().BeEquivalentTo(WorkerFunctions.Http.Select(function => function.Name));
    }
}
