using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>Fails the Nth request that matches (counted from 1) with a 503 that is not retried; every other request goes through.</summary>
internal sealed class FailNthRequestPolicy(Func<HttpMessage, bool> matches, int failOn) : HttpPipelinePolicy
{
    private int count;

    public int Matched => Volatile.Read(ref count);

    public static bool IsBatch(HttpMessage message) => message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    public static bool IsPointerFlip(HttpMessage message) =>
        message.Request.Method == RequestMethod.Put && Uri.UnescapeDataString(message.Request.Uri.Path).Contains("RowKey='current'", StringComparison.Ordinal);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (matches(message) && Interlocked.Increment(ref count) == failOn)
        {
            throw new RequestFailedException(403, "Injected failure for a test.", "InjectedFault", null);
        }
    }
}

/// <summary>Runs an action (once) just before the first matching request is sent, e.g. a competing ingest.</summary>
internal sealed class BeforeFirstRequestPolicy(Func<HttpMessage, bool> matches, Func<Task> action) : HttpPipelinePolicy
{
    private int fired;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (matches(message) && Interlocked.Exchange(ref fired, 1) == 0)
        {
            await action();
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// Answers every other matching request with a 503 of its own, without sending it. Placed after the retry policy and used
/// with one request at a time, each such request is answered 503 and its retry goes through.
/// </summary>
internal sealed class ServiceUnavailablePolicy(Func<HttpMessage, bool> matches) : HttpPipelinePolicy
{
    private int count;

    public int Answered => (Volatile.Read(ref count) + 1) / 2;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (matches(message) && Interlocked.Increment(ref count) % 2 == 1)
        {
            message.Response = new StatusOnlyResponse(503, "Service Unavailable", message.Request.ClientRequestId);
            return;
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// Sends the Nth matching request (the service applies it) and then loses its answer, as a timeout would: the SDK's retry
/// policy sends the same request again. Placed after the retry policy.
/// </summary>
internal sealed class LoseAnswerPolicy(Func<HttpMessage, bool> matches, int lose) : HttpPipelinePolicy
{
    private int count;

    public int Matched => Volatile.Read(ref count);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (matches(message) && Interlocked.Increment(ref count) == lose)
        {
            throw new IOException("Injected: the answer was lost after the service applied the request.");
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}

/// <summary>An HTTP answer with a status and no body, for a policy that answers in the service's place.</summary>
internal sealed class StatusOnlyResponse(int status, string reason, string clientRequestId) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => reason;

    /// <summary>The transport policy classifies a real answer; this one skips it, so it says itself that it is an error.</summary>
    public override bool IsError => status >= 400;

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
