using Azure;
using Azure.Core;

namespace AlisCompliance.Storage.Tables;

/// <summary>The OData headers every Table service request carries.</summary>
internal static class TableHeaders
{
    /// <summary>Minimal metadata: types JSON cannot show are annotated, and each entity carries odata.etag.</summary>
    public const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";

    public static void Apply(Request request)
    {
        request.Headers.SetValue(HttpHeader.Names.Accept, AcceptMinimalMetadata);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
    }

    /// <summary>The If-Match header value: the ETag exactly as the service sent it, or <c>*</c> for an empty one.</summary>
    public static string IfMatchValue(ETag etag) => etag == default ? "*" : etag.ToString("H");
}
