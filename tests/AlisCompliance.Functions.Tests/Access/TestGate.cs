using AlisCompliance.Application.Access;
using AlisCompliance.Application.Hosting;
using AlisCompliance.Functions.Tests.Functions;
using AlisCompliance.Functions.Tests.Invocation;
using AlisCompliance.Storage.Repositories;
using AlisCompliance.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace AlisCompliance.Functions.Tests.Access;

/// <summary>The gate as AddAlisAccess registers it, knowing the test callers, for tests that never reach storage.</summary>
internal static class TestGate
{
    public static HttpFunctionGate Create(bool easyAuth = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestCallers.Settings(easyAuth)).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IClock>(new FakeClock(WorkerServices.SampleNow));
        services.AddSingleton(IngestRecordsFunctionTests.NeverCalled<AuditLog>());
        services.AddAlisAccess(configuration);
        return services.BuildServiceProvider().GetRequiredService<HttpFunctionGate>();
    }
}
