using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Tests.Tables;

public sealed class MultipartMixedReaderTests
{
    [Fact]
    public void Reads_each_operation_of_a_changeset_in_order()
    {
        const string body =
            "--batchresponse_1\r\n" +
            "Content-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
            "--changesetresponse_2\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'a'\"\r\n\r\n\r\n" +
            "--changesetresponse_2\r\n" +
            "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\"}}}\r\n" +
            "--changesetresponse_2--\r\n" +
            "--batchresponse_1--\r\n";

        var parts = MultipartMixedReader.Read("multipart/mixed; boundary=batchresponse_1", body);

        parts.Select(part => part.Status).Should().Equal(204, 409);
        parts[0].Headers["etag"].Should().Be("W/\"datetime'a'\"");
        parts[1].Body.Should().StartWith("{\"odata.error\"").And.EndWith("}}}");
    }

    [Fact]
    public void A_content_type_without_boundary_is_a_format_error()
    {
        var read = () => MultipartMixedReader.Read("multipart/mixed", "x");

        read.Should().Throw<FormatException>();
    }
}
