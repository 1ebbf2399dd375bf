using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AlisCompliance.Storage.Queues;

/// <summary>The Queue service's XML: the <c>&lt;QueueMessage&gt;</c> request body and the <c>&lt;QueueMessagesList&gt;</c> answers.</summary>
internal static class QueueMessageXml
{
    public static byte[] RequestBody(string wireText)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", wireText);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<XElement> Messages(BinaryData body)
    {
        var root = XDocument.Parse(body.ToString()).Root
            ?? throw new FormatException("The Queue service answered an empty XML document.");
        return [.. root.Elements("QueueMessage")];
    }

    public static string Text(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The Queue service's message has no <{name}>.");

    public static long Number(XElement message, string name) =>
        long.Parse(Text(message, name), NumberStyles.None, CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(XElement message, string name) => ParseRfc1123(Text(message, name));

    public static DateTimeOffset ParseRfc1123(string value) =>
        DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
