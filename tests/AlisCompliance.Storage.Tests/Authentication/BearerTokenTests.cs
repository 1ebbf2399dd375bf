using System.Net;
using AlisCompliance.Storage.Authentication;
using AlisCompliance.Storage.Queues;
using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tests.Authentication;

public sealed class BearerTokenTests
{
    [Fact]
    public async Task Table_requests_carry_an_Entra_token_for_the_storage_scope_and_the_pinned_headers()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        using var http = new HttpClient(handler);
        var credential = new FakeTokenCredential("token-123");
        var options = new StorageClientOptions { Transport = new HttpClientTransport(http), Clock = new ManualClock(NodaTime.Instant.FromUtc(2026, 12, 2, 1, 40, 5)) };
        var table = new TableClient(new Uri("https://alisprod.table.core.windows.net"), "alerts", credential, options);

        (await table.CreateIfNotExistsAsync()).Should().BeTrue();

        credential.RequestedScopes.Should().Equal(StorageAuthentication.TokenScope);
        var request = handler.Requests.Should().ContainSingle().Subject;
        request.RequestUri.Should().Be(new Uri("https://alisprod.table.core.windows.net/Tables"));
        request.Headers.Authorization!.ToString().Should().Be("Bearer token-123");
        request.Headers.GetValues("x-ms-version").Should().Equal(StorageClientOptions.ServiceVersion);
        request.Headers.GetValues("x-ms-date").Should().Equal("Wed, 02 Dec 2026 01:40:05 GMT");
        request.Headers.GetValues("x-ms-client-request-id").Single().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Queue_requests_carry_an_Entra_token()
    {
        var handler = new RecordingHandler(HttpStatusCode.Created);
        using var http = new HttpClient(handler);
        var options = new StorageClientOptions { Transport = new HttpClientTransport(http) };
        var queue = new QueueClient(new Uri("https://alisprod.queue.core.windows.net"), "alis-changed", new FakeTokenCredential("token-456"), options);

        (await queue.CreateIfNotExistsAsync()).Should().BeTrue();

        handler.Requests.Single().Headers.Authorization!.ToString().Should().Be("Bearer token-456");
    }

    [Fact]
    public async Task Bearer_tokens_are_refused_over_plain_http()
    {
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        using var http = new HttpClient(handler);
        var options = new StorageClientOptions { Transport = new HttpClientTransport(http) };
        var table = new TableClient(new Uri("http://127.0.0.1:10002/devstoreaccount1"), "alerts", new FakeTokenCredential("token"), options);

        var create = () => table.CreateIfNotExistsAsync();

        await create.Should().ThrowAsync<InvalidOperationException>().WithMessage("*https*");
        handler.Requests.Should().BeEmpty();
    }
}
