using System.Text;
using AlisCompliance.Storage.Queues;

namespace AlisCompliance.Storage.Tests.Queues;

public sealed class QueueMessageCodecTests
{
    [Fact]
    public void Base64_is_of_the_UTF8_bytes_as_the_Functions_trigger_decodes_it()
    {
        const string payload = """{"alisId":"a1","kommune":"Åsnes","note":"æøå"}""";

        var wire = QueueMessageCodec.Encode(payload, QueueMessageEncoding.Base64);

        wire.Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)));
        QueueMessageCodec.TryDecode(wire, QueueMessageEncoding.Base64).Should().Be(payload);
    }

    [Fact]
    public void Text_that_is_not_base64_decodes_to_null()
    {
        QueueMessageCodec.TryDecode("not base64 at all!", QueueMessageEncoding.Base64).Should().BeNull();
        QueueMessageCodec.TryDecode(Convert.ToBase64String([0xff, 0xfe, 0xfd]), QueueMessageEncoding.Base64).Should().BeNull("it is not UTF-8");
    }

    [Fact]
    public void The_64_KiB_limit_applies_to_the_encoded_text()
    {
        var fits = new string('a', 49_152); // base64: exactly 65,536 characters
        QueueMessageCodec.Encode(fits, QueueMessageEncoding.Base64).Length.Should().Be(65_536);

        var encode = () => QueueMessageCodec.Encode(fits + "a", QueueMessageEncoding.Base64);

        encode.Should().Throw<ArgumentException>().WithMessage("The queue message is 65540 bytes once encoded (Base64); a message may be at most 64 KiB*48 KiB*");
    }

    [Fact]
    public void Unencoded_text_must_be_valid_XML()
    {
        var encode = () => QueueMessageCodec.Encode("bell\u0007", QueueMessageEncoding.None);

        encode.Should().Throw<ArgumentException>().WithMessage("*XML*Base64*");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("alis-changed")]
    [InlineData("a1-b2-c3")]
    [InlineData("123")]
    public void Valid_queue_names_pass(string name)
    {
        var validate = () => QueueNameValidator.Validate(name);

        validate.Should().NotThrow();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Alis")]
    [InlineData("-alis")]
    [InlineData("alis-")]
    [InlineData("alis--changed")]
    [InlineData("alis_changed")]
    [InlineData("æøå")]
    public void Invalid_queue_names_are_rejected(string name)
    {
        var validate = () => QueueNameValidator.Validate(name);

        validate.Should().Throw<ArgumentException>().WithMessage($"'{name}' is not a valid queue name*");
    }

    [Fact]
    public void A_queue_name_of_64_characters_is_rejected()
    {
        QueueNameValidator.Validate(new string('a', 63));

        var validate = () => QueueNameValidator.Validate(new string('a', 64));

        validate.Should().Throw<ArgumentException>();
    }
}
