using System.Globalization;
using AlisCompliance.Storage.Queues;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage;

/// <summary>
/// The Azure.Core pipeline one client uses (retry, client request id, logging, version/date headers, authentication),
/// plus the two ways a call fails: an error answer (<see cref="CreateFailure"/>) or no answer at all.
/// </summary>
internal sealed class StoragePipeline
{
    private readonly HttpPipeline pipeline;

    private StoragePipeline(HttpPipeline pipeline, string serviceName, QueueMessageEncoding messageEncoding)
    {
        this.pipeline = pipeline;
        ServiceName = serviceName;
        MessageEncoding = messageEncoding;
    }

    public string ServiceName { get; }

    public QueueMessageEncoding MessageEncoding { get; }

    public static StoragePipeline Create(StorageClientOptions? options, HttpPipelinePolicy authentication, string serviceName)
    {
        options ??= new StorageClientOptions();
        var httpPipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageRequestHeadersPolicy(options.Clock), authentication],
            new ResponseClassifier());
        return new StoragePipeline(httpPipeline, serviceName, options.MessageEncoding);
    }

    public HttpMessage CreateMessage(RequestMethod method, string uri)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        return message;
    }

    /// <summary>
    /// Sends the message through the pipeline (which retries) and returns whatever answer came back. Throws a
    /// <see cref="RequestFailedException"/> with <see cref="RequestFailedException.Status"/> 0 when no answer came back at all.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (AggregateException ex)
        {
            // Azure.Core's retry policy gathers the failure of every try into one AggregateException.
            throw Unreachable(message, operation, ex.InnerExceptions.Count, ex.InnerExceptions[^1]);
        }
        catch (RequestFailedException ex) when (ex.Status == 0)
        {
            throw Unreachable(message, operation, 1, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Azure.Core reports its own network timeout as a cancellation; the caller did not cancel.
            throw Unreachable(message, operation, 1, ex);
        }

        return message.Response;
    }

    /// <summary>The exception for an error answer: status, <c>x-ms-error-code</c>, the service's message and the tries.</summary>
    public static RequestFailedException CreateFailure(HttpMessage message, string operation) =>
        new(message.Response, null, new StorageErrorDetailsParser(operation, message.ProcessingContext.RetryNumber + 1));

    private RequestFailedException Unreachable(HttpMessage message, string operation, int attempts, Exception lastFailure)
    {
        var uri = message.Request.Uri.ToUri();
        var reason = (lastFailure.InnerException ?? lastFailure).Message;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} failed: the {ServiceName} service at {uri.Scheme}://{uri.Authority} could not be reached after {attempts} attempt(s). Last error: {reason}");
        return new RequestFailedException(0, text, errorCode: null, lastFailure);
    }
}
