namespace AlisCompliance.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    private const string SecretKey = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    [Fact]
    public void Development_storage_means_Azurite_defaults()
    {
        var connection = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        connection.IsDevelopmentStorage.Should().BeTrue();
        connection.AccountName.Should().Be("devstoreaccount1");
        connection.TableEndpoint.Should().Be(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
        connection.QueueEndpoint.Should().Be(new Uri("http://127.0.0.1:10001/devstoreaccount1"));
        var (_, key) = connection.CreateSharedKeyCredential();
        key.Should().Be(StorageConnectionString.DevelopmentAccountKey);
    }

    [Fact]
    public void Explicit_endpoints_are_used_as_given_without_trailing_slash()
    {
        var connection = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnectionString.DevelopmentAccountKey};"
            + "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;");

        connection.IsDevelopmentStorage.Should().BeFalse();
        connection.TableEndpoint.AbsoluteUri.Should().Be("http://127.0.0.1:41002/devstoreaccount1");
        connection.QueueEndpoint.AbsoluteUri.Should().Be("http://127.0.0.1:41001/devstoreaccount1");
    }

    [Fact]
    public void Endpoints_are_derived_from_account_protocol_and_suffix()
    {
        var connection = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=alisprod;AccountKey={SecretKey};EndpointSuffix=core.windows.net");

        connection.TableEndpoint.Should().Be(new Uri("https://alisprod.table.core.windows.net"));
        connection.QueueEndpoint.Should().Be(new Uri("https://alisprod.queue.core.windows.net"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=alis", "no AccountKey")]
    [InlineData("AccountKey=" + SecretKey, "no AccountName")]
    [InlineData("AccountName=alis;AccountKey=not*base64!", "not valid base64")]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";TableEndpoint=ftp://x", "not an absolute http(s) URL")]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";DefaultEndpointsProtocol=gopher", "must be 'https' or 'http'")]
    [InlineData("AccountName=alis;AccountName=other;AccountKey=" + SecretKey, "more than once")]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";Colour=blue", "unknown setting 'Colour'")]
    [InlineData("UseDevelopmentStorage=false", "other than 'true'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "must stand alone")]
    [InlineData("AccountName=alis;SharedAccessSignature=sv=2020", "SharedAccessSignature are not supported")]
    [InlineData("just-some-text", "Name=Value")]
    public void Malformed_connection_strings_fail_with_a_clear_message(string connectionString, string expected)
    {
        var parse = () => StorageConnectionString.Parse(connectionString);

        parse.Should().Throw<FormatException>().Which.Message.Should().Contain(expected);
        StorageConnectionString.TryParse(connectionString, out var result).Should().BeFalse();
        result.Should().BeNull();
    }

    [Theory]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";TableEndpoint=ftp://x")]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";Colour=blue")]
    [InlineData("AccountName=alis;AccountKey=" + SecretKey + ";AccountKey=" + SecretKey)]
    [InlineData(SecretKey)]
    public void The_key_never_appears_in_an_error_or_in_ToString(string connectionString)
    {
        var parse = () => StorageConnectionString.Parse(connectionString);
        parse.Should().Throw<FormatException>().Which.Message.Should().NotContain(SecretKey);

        var valid = StorageConnectionString.Parse("AccountName=alis;AccountKey=" + SecretKey);
        valid.ToString().Should().NotContain(SecretKey).And.Contain("AccountKey=***");
    }
}
