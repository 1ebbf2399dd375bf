using Azure.Core;
using Azure.Core.Pipeline;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Storage;

/// <summary>
/// Sets <c>x-ms-version</c> and a fresh <c>x-ms-date</c> on every try. Runs per retry, before the signing policy: the
/// service refuses a Shared Key signature whose date is more than 15 minutes from its own clock.
/// </summary>
internal sealed class StorageRequestHeadersPolicy(IClock clock) : HttpPipelineSynchronousPolicy
{
    // RFC 1123, as the service expects: "Wed, 02 Dec 2026 01:40:00 GMT".
    private static readonly InstantPattern Rfc1123 = InstantPattern.CreateWithInvariantCulture("ddd, dd MMM uuuu HH':'mm':'ss 'GMT'");

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        message.Request.Headers.SetValue(HttpHeader.Names.XMsDate, Rfc1123.Format(clock.GetCurrentInstant()));
    }
}
