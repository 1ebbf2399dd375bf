using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlisCompliance.Storage.Tests.Configuration;

/// <summary>
/// <c>AddComplianceStorage</c> reads the connection the way the Functions host does. Making clients contacts nothing, so
/// the identity-based forms are checked without Azure; the connection-string form also runs against Azurite.
/// </summary>
[Collection(AzuriteRepositories.Name)]
public sealed class StorageConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public void UseDevelopmentStorage_gives_Azurites_default_endpoints()
    {
        using var provider = Services(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        provider.GetRequiredService<TableServiceClient>().Uri.Should().Be(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        provider.GetRequiredService<QueueServiceClient>().Uri.Should().Be(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
    }

    [Fact]
    public void An_account_name_gives_the_accounts_table_and_queue_endpoints()
    {
        using var provider = Services(("AzureWebJobsStorage:accountName", "alisprod"));

        provider.GetRequiredService<TableServiceClient>().Uri.Should().Be(new Uri("https://alisprod.table.core.windows.net"));
        provider.GetRequiredService<QueueServiceClient>().Uri.Should().Be(new Uri("https://alisprod.queue.core.windows.net"));
        provider.GetRequiredService<TableServiceClient>().AccountName.Should().Be("alisprod");
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        using var provider = Services(
            ("AzureWebJobsStorage:accountName", "ignored"),
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.example.net"));

        provider.GetRequiredService<TableServiceClient>().Uri.Should().Be(new Uri("https://tables.example.net"));
        provider.GetRequiredService<QueueServiceClient>().Uri.Should().Be(new Uri("https://queues.example.net"));
    }

    [Fact]
    public void Another_connection_name_and_the_ConnectionStrings_section_are_read_too()
    {
        var settings = StorageAccountSettings.FromConfiguration(Configuration(("ConnectionStrings:Storage", "UseDevelopmentStorage=true")), "Storage");

        settings.ConnectionString.Should().Be("UseDevelopmentStorage=true");
        settings.IsIdentityBased.Should().BeFalse();
    }

    [Fact]
    public void A_missing_connection_says_which_settings_would_do()
    {
        using var provider = Services(("Unrelated", "x"));

        var resolve = () => provider.GetRequiredService<ComplianceStorage>();

        resolve.Should().Throw<InvalidOperationException>()
            .WithMessage("*'AzureWebJobsStorage' is not configured*AzureWebJobsStorage__accountName*__tableServiceUri*__queueServiceUri*");
    }

    [Fact]
    public void The_queue_client_writes_Base64_as_the_Functions_trigger_reads()
    {
        using var provider = Services(("AzureWebJobsStorage:accountName", "alisprod"));

        var storage = provider.GetRequiredService<ComplianceStorage>();

        new StorageClientOptions().Queues.MessageEncoding.Should().Be(QueueMessageEncoding.Base64);
        storage.AlisChanged.Uri.Should().Be(new Uri("https://alisprod.queue.core.windows.net/alis-changed"));
        storage.Records.Uri.Should().Be(new Uri("https://alisprod.table.core.windows.net/records"));
        provider.GetRequiredService<FindingsRepository>().Should().NotBeNull();
        provider.GetRequiredService<AuditLog>().Should().NotBeNull();
    }

    [Fact]
    public async Task A_connection_string_from_configuration_reaches_Azurite()
    {
        var names = StorageNames.WithPrefix("cfg" + Guid.NewGuid().ToString("N")[..8]);
        var services = new ServiceCollection();
        services.AddComplianceStorage(Configuration(("AzureWebJobsStorage", azurite.ConnectionString)), names: names);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<ComplianceStorage>();

        await storage.EnsureCreatedAsync();
        await provider.GetRequiredService<AlisChangedMessages>().SendAsync(new AlisChangedMessage("3417", "alis-01", "b1"));

        var received = (await storage.AlisChanged.ReceiveMessagesAsync()).Value.Should().ContainSingle().Subject;
        AlisChangedMessage.Parse(received.Body.ToString()).Should().Be(new AlisChangedMessage("3417", "alis-01", "b1"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var services = new ServiceCollection();
        services.AddComplianceStorage(Configuration(settings));
        return services.BuildServiceProvider();
    }
}
