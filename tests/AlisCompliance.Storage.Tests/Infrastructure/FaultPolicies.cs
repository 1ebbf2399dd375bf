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
