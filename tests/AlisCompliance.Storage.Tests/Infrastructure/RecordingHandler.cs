using System.Net;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>An in-memory HttpMessageHandler: records requests and answers with a fixed status (for unit tests of the pipeline).</summary>
internal sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request, Content = new ByteArrayContent([]) });
    }
}
