using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Authentication;

/// <summary>The authentication policies the clients use: Shared Key per service, or an Entra ID bearer token.</summary>
public static class StorageAuthentication
{
    /// <summary>The OAuth scope for Azure Storage data-plane tokens (the token's audience is https://storage.azure.com).</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    /// <summary>
    /// An Entra ID (Azure AD) bearer-token policy with token caching and refresh, for a managed identity or any
    /// <see cref="TokenCredential"/>. Azure.Core refuses to send bearer tokens over plain http, so the endpoint must be https.
    /// The identity needs a data role: Storage Table Data Contributor / Storage Queue Data Contributor (or narrower).
    /// </summary>
    /// <param name="credential">The token credential, e.g. <c>ManagedIdentityCredential</c> or <c>DefaultAzureCredential</c>.</param>
    /// <returns>The policy.</returns>
    public static HttpPipelinePolicy CreateBearerTokenPolicy(TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new BearerTokenAuthenticationPolicy(credential, TokenScope);
    }
}
