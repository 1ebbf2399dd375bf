using System.Globalization;
using Azure;

namespace AlisCompliance.Storage;

/// <summary>
/// A parsed Azure Storage connection string: the account name, its Shared Key and the Table and Queue endpoints.
/// Understands <c>UseDevelopmentStorage=true</c> (Azurite on its default ports) and the explicit
/// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…[;EndpointSuffix=…][;TableEndpoint=…][;QueueEndpoint=…]</c> form.
/// </summary>
/// <remarks>The account key never appears in <see cref="ToString"/> or in any error message.</remarks>
public sealed class StorageConnectionString
{
    /// <summary>The account name of the Azure Storage emulator (Azurite).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public key of the emulator account; it protects nothing.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string DefaultEndpointSuffix = "core.windows.net";

    private static readonly string[] KnownSettingNames =
    [
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix",
        "TableEndpoint", "QueueEndpoint", "BlobEndpoint", "FileEndpoint",
        "TableSecondaryEndpoint", "QueueSecondaryEndpoint", "BlobSecondaryEndpoint", "FileSecondaryEndpoint",
    ];

    private readonly string accountKey;

    private StorageConnectionString(string accountName, string accountKey, Uri tableEndpoint, Uri queueEndpoint, bool isDevelopmentStorage)
    {
        AccountName = accountName;
        this.accountKey = accountKey;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary>Azurite on 127.0.0.1 with its default ports (queue 10001, table 10002) and well-known account.</summary>
    public static StorageConnectionString DevelopmentStorage { get; } = ForEmulator(
        new Uri("http://127.0.0.1:10002/devstoreaccount1"),
        new Uri("http://127.0.0.1:10001/devstoreaccount1"));

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The Table service endpoint, without a trailing slash (path style for Azurite).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint, without a trailing slash (path style for Azurite).</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>True for <c>UseDevelopmentStorage=true</c>.</summary>
    public bool IsDevelopmentStorage { get; }

    /// <summary>
    /// Parses a connection string, throwing a <see cref="FormatException"/> that says what is wrong (never showing the key).
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The parsed connection string.</returns>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var result = ParseCore(connectionString, out var error);
        return result ?? throw new FormatException(error);
    }

    /// <summary>Parses a connection string; false when it is malformed.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="result">The parsed connection string, or null.</param>
    /// <returns>True when the connection string could be parsed.</returns>
    public static bool TryParse(string? connectionString, out StorageConnectionString? result)
    {
        result = connectionString is null ? null : ParseCore(connectionString, out _);
        return result is not null;
    }

    /// <summary>
    /// Azurite's well-known account on the given endpoints, as the test fixture and local tools start it on other ports.
    /// </summary>
    /// <param name="tableEndpoint">Path-style table endpoint, e.g. <c>http://127.0.0.1:10002/devstoreaccount1</c>.</param>
    /// <param name="queueEndpoint">Path-style queue endpoint, e.g. <c>http://127.0.0.1:10001/devstoreaccount1</c>.</param>
    /// <returns>The connection string.</returns>
    public static StorageConnectionString ForEmulator(Uri tableEndpoint, Uri queueEndpoint)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        return new StorageConnectionString(
            DevelopmentAccountName, DevelopmentAccountKey, TrimEndpoint(tableEndpoint), TrimEndpoint(queueEndpoint), isDevelopmentStorage: true);
    }

    /// <summary>Creates the Shared Key credential for this account (a new instance each call).</summary>
    /// <returns>The credential.</returns>
    public AzureNamedKeyCredential CreateSharedKeyCredential() => new(AccountName, accountKey);

    /// <summary>
    /// The connection string in its explicit form, with the key redacted, e.g. for logs.
    /// </summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"AccountName={AccountName};AccountKey=***;TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint}");

    private static StorageConnectionString? ParseCore(string connectionString, out string error)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Do not echo the segment: it may be (part of) the key.
                error = "The storage connection string is malformed: every setting must look like Name=Value, separated by ';'.";
                return null;
            }

            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                error = $"The storage connection string sets '{name}' more than once.";
                return null;
            }
        }

        if (settings.Count == 0)
        {
            error = "The storage connection string is empty.";
            return null;
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            error = "Storage connection strings with a SharedAccessSignature are not supported; use an AccountKey or Entra ID (TokenCredential).";
            return null;
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment))
        {
            return ParseDevelopmentStorage(settings, useDevelopment, out error);
        }

        return ParseAccount(settings, out error);
    }

    private static StorageConnectionString? ParseDevelopmentStorage(Dictionary<string, string> settings, string useDevelopment, out string error)
    {
        if (!string.Equals(useDevelopment, "true", StringComparison.OrdinalIgnoreCase))
        {
            error = "The storage connection string has UseDevelopmentStorage set to something other than 'true'.";
            return null;
        }

        if (settings.ContainsKey("DevelopmentStorageProxyUri"))
        {
            error = "DevelopmentStorageProxyUri is not supported; give TableEndpoint/QueueEndpoint with the emulator account instead.";
            return null;
        }

        if (settings.Count > 1)
        {
            error = "UseDevelopmentStorage=true must stand alone; for Azurite on other ports use the explicit form with "
                + "AccountName=devstoreaccount1, its AccountKey, TableEndpoint and QueueEndpoint.";
            return null;
        }

        error = string.Empty;
        return DevelopmentStorage;
    }

    private static StorageConnectionString? ParseAccount(Dictionary<string, string> settings, out string error)
    {
        foreach (var name in settings.Keys)
        {
            if (!KnownSettingNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                error = $"The storage connection string has an unknown setting '{name}'.";
                return null;
            }
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            error = "The storage connection string has no AccountName.";
            return null;
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            error = $"The storage connection string for account '{accountName}' has no AccountKey.";
            return null;
        }

        if (!IsBase64(accountKey))
        {
            error = $"The AccountKey in the storage connection string for account '{accountName}' is not valid base64.";
            return null;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (!string.Equals(protocol, "https", StringComparison.OrdinalIgnoreCase) && !string.Equals(protocol, "http", StringComparison.OrdinalIgnoreCase))
        {
            error = $"The storage connection string has DefaultEndpointsProtocol '{protocol}'; it must be 'https' or 'http'.";
            return null;
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", DefaultEndpointSuffix);
        var table = ResolveEndpoint(settings, "TableEndpoint", protocol, accountName, "table", suffix, out error);
        if (table is null)
        {
            return null;
        }

        var queue = ResolveEndpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix, out error);
        if (queue is null)
        {
            return null;
        }

        return new StorageConnectionString(accountName, accountKey, table, queue, isDevelopmentStorage: false);
    }

    private static Uri? ResolveEndpoint(
        Dictionary<string, string> settings, string settingName, string protocol, string accountName, string service, string suffix, out string error)
    {
        error = string.Empty;
        if (settings.TryGetValue(settingName, out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && !string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)))
            {
                error = $"The {settingName} '{explicitEndpoint}' in the storage connection string is not an absolute http(s) URL.";
                return null;
            }

            return TrimEndpoint(uri);
        }

        if (!Uri.TryCreate($"{protocol.ToLowerInvariant()}://{accountName}.{service}.{suffix}", UriKind.Absolute, out var derived))
        {
            error = $"Could not derive the {service} endpoint from AccountName '{accountName}' and EndpointSuffix '{suffix}'.";
            return null;
        }

        return derived;
    }

    private static Uri TrimEndpoint(Uri endpoint)
    {
        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/');
        return builder.Uri;
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
