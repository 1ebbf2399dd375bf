using AlisCompliance.Storage.Queues;
using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure;

namespace AlisCompliance.Storage.Tests.Faults;

/// <summary>Retries on 5xx and network errors, none on 4xx, and a clear exception at the end. No Azurite needed.</summary>
public sealed class RetryAndFailureTests
{
    private static readonly AzureNamedKeyCredential Credential =
        new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_unreachable()
    {
        var endpoint = ClosedPort.Endpoint();
        var table = new TableClient(endpoint, "alerts", Credential, Options(maxRetries: 2));

        var create = () => table.CreateIfNotExistsAsync();

        var failure = (await create.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(0);
        failure.IsServiceUnreachable().Should().BeTrue();
        failure.Message.Should().Contain("Create table 'alerts' failed")
            .And.Contain($"Table service at http://127.0.0.1:{endpoint.Port} could not be reached after 3 attempt(s)")
            .And.Contain("refused");
        failure.Message.Should().NotContain(StorageConnectionString.DevelopmentAccountKey);
    }

    [Fact]
    public async Task A_503_is_retried_with_the_same_request_id_and_fresh_signatures_then_fails_with_status_and_code()
    {
        await using var server = new FixedStatusHttpServer(503, "Service Unavailable", "ServerBusy");
        var queue = new QueueClient(server.Endpoint, "alis-changed", Credential, Options(maxRetries: 3));

        var send = () => queue.SendMessageAsync("hei");

        var failure = (await send.Should().ThrowAsync<RequestFailedException>()).Which;
        server.Requests.Should().HaveCount(4, "one try and three retries");
        failure.Status.Should().Be(503);
        failure.ErrorCode.Should().Be("ServerBusy");
        failure.Message.Should().Contain("Send message to queue 'alis-changed' failed: 503").And.Contain("Attempts: 4");

        var requests = server.Requests.ToList();
        requests.Select(r => r["x-ms-client-request-id"]).Distinct(StringComparer.Ordinal).Should().ContainSingle("a retry is the same logical request");
        requests.Should().OnlyContain(r => string.Equals(r["x-ms-version"], StorageClientOptions.ServiceVersion, StringComparison.Ordinal));
        requests.Should().OnlyContain(r => r["authorization"].StartsWith("SharedKey devstoreaccount1:", StringComparison.Ordinal));
        requests.Should().OnlyContain(r => r[":request-line"].StartsWith("POST /devstoreaccount1/alis-changed/messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_500_on_a_table_read_is_retried_too()
    {
        await using var server = new FixedStatusHttpServer(500, "Internal Server Error");
        var table = new TableClient(server.Endpoint, "alerts", Credential, Options(maxRetries: 2));

        var read = () => table.GetEntityIfExistsAsync("p", "r");

        (await read.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(500);
        server.Requests.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    [InlineData(409, "Conflict")]
    [InlineData(412, "Precondition Failed")]
    public async Task Client_errors_are_not_retried(int status, string reason)
    {
        await using var server = new FixedStatusHttpServer(status, reason);
        var table = new TableClient(server.Endpoint, "alerts", Credential, Options(maxRetries: 3));

        var update = () => table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All);

        (await update.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(status);
        server.Requests.Should().ContainSingle();
    }

    private static StorageClientOptions Options(int maxRetries)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }
}
