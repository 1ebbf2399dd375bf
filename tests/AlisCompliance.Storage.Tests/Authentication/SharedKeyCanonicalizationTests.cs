using AlisCompliance.Storage.Authentication;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AlisCompliance.Storage.Tests.Authentication;

/// <summary>
/// The string-to-sign of both Shared Key schemes for known requests, written out by hand from the REST docs, and the
/// signature of a known string computed outside .NET:
/// <c>printf '%s' "$STRING" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(echo $KEY | base64 -d | xxd -p -c 256)" -binary | base64</c>.
/// </summary>
public sealed class SharedKeyCanonicalizationTests
{
    private const string Date = "Tue, 24 Nov 2026 10:00:00 GMT";

    private static readonly HttpPipeline Pipeline = HttpPipelineBuilder.Build(new StorageClientOptions());

    [Fact]
    public void Table_string_to_sign_is_verb_md5_type_date_and_resource_with_the_account_twice_for_path_style_urls()
    {
        // TableClient escapes the quotes of key literals; the path is signed exactly as it goes on the wire.
        using var message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/alerts(PartitionKey=%27oslo%27,RowKey=%27a1%27)");
        message.Request.Headers.SetValue("x-ms-client-request-id", "ignored-by-table-scheme");

        TableSharedKeyPolicy.BuildStringToSign(message.Request, "devstoreaccount1").Should().Be(
            "GET\n\n\n" + Date + "\n/devstoreaccount1/devstoreaccount1/alerts(PartitionKey=%27oslo%27,RowKey=%27a1%27)");
    }

    [Fact]
    public void Table_string_to_sign_includes_content_type_and_only_the_comp_parameter()
    {
        using var message = Message(RequestMethod.Post, "https://alisprod.table.core.windows.net/Tables?comp=acl&timeout=30");
        message.Request.Headers.SetValue("Content-Type", "application/json");

        TableSharedKeyPolicy.BuildStringToSign(message.Request, "alisprod").Should().Be(
            "POST\n\napplication/json\n" + Date + "\n/alisprod/Tables?comp=acl");
    }

    [Fact]
    public void Queue_string_to_sign_has_the_standard_headers_sorted_storage_headers_and_sorted_decoded_parameters()
    {
        using var message = Message(RequestMethod.Get, "https://myaccount.queue.core.windows.net/myqueue/messages?visibilitytimeout=30&numofmessages=32&popreceipt=AgAAAA%2B%2F%3D%3D");
        message.Request.Headers.SetValue("x-ms-version", "2025-11-05");
        message.Request.Headers.SetValue("x-ms-client-request-id", "6d2b5b3c-0000-4000-8000-000000000001");

        QueueSharedKeyPolicy.BuildStringToSign(message.Request, "myaccount").Should().Be(
            "GET\n" + // verb
            "\n\n\n\n\n\n" + // Content-Encoding, -Language, -Length (empty when 0), -MD5, -Type, Date
            "\n\n\n\n\n" + // If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range
            "x-ms-client-request-id:6d2b5b3c-0000-4000-8000-000000000001\n" +
            "x-ms-date:" + Date + "\n" +
            "x-ms-version:2025-11-05\n" +
            "/myaccount/myqueue/messages\nnumofmessages:32\npopreceipt:AgAAAA+/==\nvisibilitytimeout:30");
    }

    [Fact]
    public void Queue_string_to_sign_carries_content_length_and_type_of_a_body()
    {
        using var message = Message(RequestMethod.Post, "http://127.0.0.1:10001/devstoreaccount1/alis-changed/messages");
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(new byte[42]);

        QueueSharedKeyPolicy.BuildStringToSign(message.Request, "devstoreaccount1").Should().Be(
            "POST\n\n\n42\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-date:" + Date + "\n" +
            "/devstoreaccount1/devstoreaccount1/alis-changed/messages");
    }

    [Fact]
    public void Signature_matches_one_computed_with_openssl()
    {
        const string stringToSign = "GET\n\n\nTue, 24 Nov 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables";

        SharedKeySignature.Compute(StorageConnectionString.DevelopmentAccountKey, stringToSign)
            .Should().Be("DcTQFxOp6pir2HEGg7yVDHrdn/fKCOOFMaTHzhGE3xk=");
    }

    [Fact]
    public void Policy_writes_the_SharedKey_authorization_header()
    {
        using var message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables");
        var policy = new TableSharedKeyPolicy(new AzureNamedKeyCredential("devstoreaccount1", StorageConnectionString.DevelopmentAccountKey));

        policy.OnSendingRequest(message);

        message.Request.Headers.TryGetValue("Authorization", out var authorization).Should().BeTrue();
        authorization.Should().Be("SharedKey devstoreaccount1:DcTQFxOp6pir2HEGg7yVDHrdn/fKCOOFMaTHzhGE3xk=");
    }

    private static HttpMessage Message(RequestMethod method, string uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        message.Request.Headers.SetValue("x-ms-date", Date);
        return message;
    }
}
