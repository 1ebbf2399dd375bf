using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlisCompliance.Application.Email;

/// <summary>
/// Message-IDs derived from what the message is about, so a resend after a crash carries the same idempotency key and
/// a receiving system can drop the duplicate. Hashed, so no id (or name in one) is spelled out in the header.
/// </summary>
public static class MessageIds
{
    public const string Domain = "alis-compliance";

    /// <summary>The Message-ID (without angle brackets) of the email for one alert.</summary>
    public static string ForAlert(string alertId)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        return $"{Hash(alertId)}@{Domain}";
    }

    /// <summary>
    /// The Message-ID of a municipality's digest for one ISO week (e.g. 2026, 49) to one leader: each leader's copy is
    /// its own message, and a resend of that copy has the same id.
    /// </summary>
    public static string ForDigest(string municipalityId, int isoWeekYear, int isoWeek, string leaderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(municipalityId);
        ArgumentException.ThrowIfNullOrEmpty(leaderId);
        return $"digest.{Hash(string.Create(CultureInfo.InvariantCulture, $"{municipalityId}\n{isoWeekYear:D4}-W{isoWeek:D2}\n{leaderId}"))}@{Domain}";
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
