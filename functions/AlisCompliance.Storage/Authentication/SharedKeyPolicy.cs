using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Authentication;

/// <summary>
/// Signs each try of a request with Shared Key. The services differ only in how they canonicalize the request into the
/// string to sign, which is what a subclass provides.
/// </summary>
public abstract class SharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly AzureNamedKeyCredential credential;

    /// <summary>Creates the policy.</summary>
    /// <param name="credential">The account name and key; <see cref="AzureNamedKeyCredential.Update"/> rotates them.</param>
    protected SharedKeyPolicy(AzureNamedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        this.credential = credential;
    }

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = SharedKeySignature.AuthorizationHeader(credential, account => StringToSign(message.Request, account));
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, header);
    }

    /// <summary>The service's canonical form of the request.</summary>
    protected abstract string StringToSign(Request request, string accountName);
}
