namespace AlisCompliance.Storage.Queues;

/// <summary>How message text is written into the REST API's <c>&lt;MessageText&gt;</c> element.</summary>
public enum QueueMessageEncoding
{
    /// <summary>
    /// Base64 of the UTF-8 bytes. What the Azure Functions queue trigger expects by default (host.json
    /// <c>extensions.queues.messageEncoding = "base64"</c>); it sends anything else straight to the poison queue.
    /// </summary>
    Base64,

    /// <summary>The text as is (it must be valid in XML). Only for queues that no Functions trigger reads.</summary>
    None,
}
