using System.Globalization;
using AlisCompliance.Storage;

namespace AlisCompliance.Cli.Commands;

/// <summary>
/// A storage failure for the CLI's user, in Norwegian: what went wrong, by HTTP status and the service's error code only.
/// The SDK's own message lists request headers and the service's answer; none of it is printed.
/// </summary>
internal static class StorageFailureMessage
{
    /// <summary>The message, or null when the exception is not a storage failure.</summary>
    public static string? For(Exception exception)
    {
        var failure = exception.AsStorageFailure(out var attempts);
        if (failure is null)
        {
            return null;
        }

        if (failure.IsServiceUnreachable())
        {
            return string.Create(CultureInfo.InvariantCulture, $"Lagringen feilet: fikk ikke kontakt med lagringstjenesten (ingen svar etter {attempts} forsøk).");
        }

        var code = string.IsNullOrEmpty(failure.ErrorCode) ? string.Empty : $", feilkode {failure.ErrorCode}";
        return failure.Status is 408 or 429 or >= 500
            ? string.Create(CultureInfo.InvariantCulture, $"Lagringen feilet: lagringstjenesten svarte HTTP {failure.Status}{code}, også etter nye forsøk.")
            : string.Create(CultureInfo.InvariantCulture, $"Lagringen feilet: lagringstjenesten avviste forespørselen med HTTP {failure.Status}{code}.");
    }
}
