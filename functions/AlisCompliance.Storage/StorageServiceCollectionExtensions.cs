using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace AlisCompliance.Storage;

/// <summary>Registers the storage the way a Functions app gets its clients: from the <c>AzureWebJobsStorage</c> connection.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TableServiceClient"/> and <see cref="QueueServiceClient"/> (through Microsoft.Extensions.Azure, with
    /// <c>DefaultAzureCredential</c> or the connection's <c>__credential</c>/<c>__clientId</c> settings for an identity-based
    /// connection), <see cref="ComplianceStorage"/> and its repositories. <see cref="RecordsRepository"/> and
    /// <see cref="IngestService"/> also need a <see cref="RecordsReader"/> registered; <see cref="IClock"/> defaults to the
    /// system clock. The connection is read when the first client is resolved.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Holds the connection (see <see cref="StorageAccountSettings.FromConfiguration"/>).</param>
    /// <param name="connectionName">The connection's name; the Functions host's own is <c>AzureWebJobsStorage</c>.</param>
    /// <param name="names">The tables and queues; null for a <see cref="StorageNames"/> registered in the services, else the defaults.</param>
    /// <param name="configure">Changes the client options (retries, policies) before the clients are made.</param>
    public static IServiceCollection AddComplianceStorage(
        this IServiceCollection services,
        IConfiguration configuration,
        string connectionName = "AzureWebJobsStorage",
        StorageNames? names = null,
        Action<StorageClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(connectionName);
        var settings = new Lazy<StorageAccountSettings>(() => StorageAccountSettings.FromConfiguration(configuration, connectionName));
        var options = new Lazy<StorageClientOptions>(() =>
        {
            var created = new StorageClientOptions();
            configure?.Invoke(created);
            return created;
        });

        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((_, credential, _) =>
                    StorageClients.CreateTableServiceClient(settings.Value, credential, options.Value))
                .WithCredential(provider => provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((_, credential, _) =>
                    StorageClients.CreateQueueServiceClient(settings.Value, credential, options.Value))
                .WithCredential(provider => provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section));
        });

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(provider => new ComplianceStorage(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<QueueServiceClient>(), names ?? provider.GetService<StorageNames>(), options.Value));
        services.TryAddSingleton<FindingsRepository>();
        services.TryAddSingleton<AlertsRepository>();
        services.TryAddSingleton<AlertOutbox>();
        services.TryAddSingleton<DigestsRepository>();
        services.TryAddSingleton<RuleSetRepository>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AlisChangedMessages>();
        services.TryAddSingleton<LeaderAlertMessages>();
        services.TryAddSingleton(provider => new RecordsRepository(
            provider.GetRequiredService<ComplianceStorage>(), provider.GetRequiredService<RecordsReader>(), provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new IngestService(
            provider.GetRequiredService<ComplianceStorage>(), provider.GetRequiredService<RecordsReader>(), provider.GetRequiredService<IClock>()));
        return services;
    }
}
