using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage;

/// <summary>
/// Sets <c>x-ms-version</c> and a fresh <c>x-ms-date</c> on every try. Runs per retry, before the signing policy.
/// </summary>
internal sealed class StorageRequestHeadersPolicy : HttpPipelineSynchronousPolicy
{
    public static StorageRequestHeadersPolicy Instance { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        message.Request.Headers.SetValue(HttpHeader.Names.XMsDate, DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
    }
}
