using AlisCompliance.Storage.Repositories;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;
using Azure.Data.Tables;

namespace AlisCompliance.Storage.Tests.Faults;

/// <summary>The SDK's retries as our clients are configured: 5xx and network errors retried, 4xx not, and what is left when they run out. No Azurite needed.</summary>
public sealed class RetryAndFailureTests
{
    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_unreachable_without_the_key()
    {
        var endpoint = ClosedPort.Endpoint();
        var storage = ComplianceStorage.Connect(ConnectionString(endpoint), options: Options(maxRetries: 2));

        Exception? thrown = null;
        try
        {
            await storage.EnsureCreatedAsync();
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        thrown.Should().NotBeNull();
        var failure = thrown!.AsStorageFailure(out var attempts);
        failure.Should().NotBeNull();
        failure!.IsServiceUnreachable().Should().BeTrue();
        attempts.Should().Be(3, "one try and two retries");
        thrown!.ToString().Should().NotContain(AzuriteFixture.AccountKey);
    }

    [Fact]
    public async Task A_503_is_retried_with_the_same_request_id_and_pinned_version_then_fails_with_status_and_code()
    {
        await using var server = new FixedStatusHttpServer(503, "Service Unavailable", "ServerBusy");
        var storage = ComplianceStorage.Connect(ConnectionString(server.Endpoint), options: Options(maxRetries: 3));

        var send = () => new AlisChangedMessages(storage).SendAsync(new AlisChangedMessage("3417", "alis-01", "b1"));

        var failure = (await send.Should().ThrowAsync<RequestFailedException>()).Which;
        server.Requests.Should().HaveCount(4, "one try and three retries");
        failure.Status.Should().Be(503);
        failure.ErrorCode.Should().Be("ServerBusy");
        var requests = server.Requests.ToList();
        requests.Select(r => r["x-ms-client-request-id"]).Distinct(StringComparer.Ordinal).Should().ContainSingle("a retry is the same logical request");
        requests.Should().OnlyContain(r => string.Equals(r["x-ms-version"], "2025-11-05", StringComparison.Ordinal));
        requests.Should().OnlyContain(r => r["authorization"].StartsWith("SharedKey devstoreaccount1:", StringComparison.Ordinal));
        requests.Should().OnlyContain(r => r[":request-line"].StartsWith("POST /devstoreaccount1/alis-changed/messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_500_on_a_table_read_is_retried_too()
    {
        await using var server = new FixedStatusHttpServer(500, "Internal Server Error");
        var storage = ComplianceStorage.Connect(ConnectionString(server.Endpoint), options: Options(maxRetries: 2));

        var read = () => new AlertsRepository(storage).GetAsync("3417", "alert");

        (await read.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(500);
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_503_on_a_table_write_is_retried_too()
    {
        await using var server = new FixedStatusHttpServer(503, "Service Unavailable", "ServerBusy");
        var storage = ComplianceStorage.Connect(ConnectionString(server.Endpoint), options: Options(maxRetries: 2));

        var upsert = () => TableRows.UpsertAsync(storage.Alerts, new TableEntity("p", "r"), CancellationToken.None);

        (await upsert.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(503);
        server.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(403, "Forbidden")]
    [InlineData(409, "Conflict")]
    [InlineData(412, "Precondition Failed")]
    public async Task Client_errors_are_not_retried(int status, string reason)
    {
        await using var server = new FixedStatusHttpServer(status, reason);
        var storage = ComplianceStorage.Connect(ConnectionString(server.Endpoint), options: Options(maxRetries: 3));

        var update = () => TableRows.ReplaceAsync(storage.Alerts, new TableEntity("p", "r"), ETag.All, CancellationToken.None);

        (await update.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
        server.Requests.Should().ContainSingle();
    }

    private static string ConnectionString(Uri endpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};TableEndpoint={endpoint};QueueEndpoint={endpoint}";

    private static StorageClientOptions Options(int maxRetries) => new StorageClientOptions().ConfigureRetry(retry =>
    {
        retry.MaxRetries = maxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(10);
        retry.MaxDelay = TimeSpan.FromMilliseconds(50);
    });
}
