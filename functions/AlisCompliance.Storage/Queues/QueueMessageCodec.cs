using System.Globalization;
using System.Text;
using System.Xml;

namespace AlisCompliance.Storage.Queues;

/// <summary>Encodes message text for the wire and decodes it back, and enforces the 64 KiB limit.</summary>
internal static class QueueMessageCodec
{
    /// <summary>64 KiB: the most a message's (encoded) text may be.</summary>
    public const int MaxEncodedBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string text, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        string encoded;
        long size;
        if (encoding == QueueMessageEncoding.Base64)
        {
            encoded = Convert.ToBase64String(StrictUtf8.GetBytes(text));
            size = encoded.Length;
        }
        else
        {
            try
            {
                XmlConvert.VerifyXmlChars(text);
            }
            catch (XmlException ex)
            {
                throw new ArgumentException("The message text has characters XML cannot carry; send it with QueueMessageEncoding.Base64.", nameof(text), ex);
            }

            encoded = text;
            size = Encoding.UTF8.GetByteCount(System.Security.SecurityElement.Escape(text));
        }

        if (size > MaxEncodedBytes)
        {
            var hint = encoding == QueueMessageEncoding.Base64 ? " (base64 leaves room for about 48 KiB of UTF-8 text)" : string.Empty;
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The queue message is {size} bytes once encoded ({encoding}); a message may be at most 64 KiB ({MaxEncodedBytes} bytes){hint}."),
                nameof(text));
        }

        return encoded;
    }

    /// <summary>The text a message carries, or null when its wire text is not valid for the encoding.</summary>
    public static string? TryDecode(string wireText, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return wireText;
        }

        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(wireText));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
