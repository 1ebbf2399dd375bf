using System.Security.Cryptography;
using System.Text;

namespace AlisCompliance.Storage;

/// <summary>The content hash the audit keeps: SHA-256 of the bytes, lowercase hex.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Of the text's UTF-8 bytes: for a records file read as text, the bytes that were sent.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
