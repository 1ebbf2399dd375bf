using System.Globalization;

namespace AlisCompliance.Application.Hosting;

/// <summary>
/// Every error either host answers, in one JSON shape: <c>{"message": "…"}</c> in Norwegian, with <c>errorId</c> when the
/// fault is ours (the id to look up in the logs) and the use case's own details (e.g. <c>errors</c>) beside it.
/// Never a stack trace, a name or an email.
/// </summary>
public static class ErrorAnswers
{
    /// <summary>The same body whatever was asked for: a refused caller learns nothing about what exists.</summary>
    public static HttpAnswer Unauthenticated { get; } = Create(401, "Du må logge inn eller oppgi en gyldig nøkkel.");

    /// <summary>The same body for a missing role, another municipality, and a municipality that does not exist.</summary>
    public static HttpAnswer Forbidden { get; } = Create(403, "Du har ikke tilgang til dette.");

    public static HttpAnswer UnsupportedMediaType { get; } = Create(415, "Innholdet må være JSON (Content-Type: application/json).");

    public static HttpAnswer BodyNotAllowed { get; } = Create(400, "Denne forespørselen skal ikke ha innhold.");

    public static HttpAnswer Create(int statusCode, string message) => JsonAnswers.Create(statusCode, new { message });

    public static HttpAnswer TooLarge(int maxBytes) => Create(
        413,
        maxBytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"Forespørselen er for stor: høyst {maxBytes / (1024 * 1024)} MiB.")
            : string.Create(CultureInfo.InvariantCulture, $"Forespørselen er for stor: høyst {maxBytes / 1024} KiB."));

    /// <summary>500: something of ours failed; the id is in the log entry with the exception.</summary>
    public static HttpAnswer Failed(string errorId) => JsonAnswers.Create(500, new
    {
        message = $"Noe gikk galt hos oss. Oppgi feil-id {errorId} hvis du kontakter brukerstøtte.",
        errorId,
    });

    /// <summary>A short id for one failure, to find its log entry.</summary>
    public static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];
}
