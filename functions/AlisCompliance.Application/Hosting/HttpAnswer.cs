namespace AlisCompliance.Application.Hosting;

/// <summary>
/// An HTTP use case's whole answer, so the Azure worker and <c>alis serve</c> only copy it onto their response:
/// status code, content type and body (Norwegian text for people, JSON for machines; never a stack trace).
/// </summary>
public sealed record HttpAnswer(int StatusCode, string ContentType, string Body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";
}
