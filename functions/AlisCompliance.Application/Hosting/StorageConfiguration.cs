using AlisCompliance.Storage.Repositories;
using Microsoft.Extensions.Configuration;

namespace AlisCompliance.Application.Hosting;

/// <summary>The storage account from configuration, as the Functions host finds its own: <c>AzureWebJobsStorage</c>.</summary>
public static class StorageConfiguration
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static ComplianceStorage Connect(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ComplianceStorage.Connect(configuration[ConnectionName] is { Length: > 0 } connection ? connection : "UseDevelopmentStorage=true");
    }
}
