using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlisCompliance.Tests.Shared;

/// <summary>A key for access tests: the key itself (only tests know it) and what the configuration says of it.</summary>
internal sealed record TestKey(string Id, string Role, string Key, string[] Municipalities, string? Region = null, DateTimeOffset? ExpiresAt = null)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));
}

/// <summary>
/// The callers of the access tests: municipality A (Åsnes, the sample's 3417) and B (Kongsvinger, 3401), both in region
/// Innlandet; a key per role and scope, an expired key, and Easy Auth principals. <see cref="Settings"/> is the
/// configuration that knows them, as serve and the worker read it.
/// </summary>
internal static class TestCallers
{
    public const string MunicipalityA = "3417";
    public const string MunicipalityB = "3401";

    /// <summary>Stored nowhere, in scope of nobody.</summary>
    public const string MunicipalityNowhere = "9999";

    public const string Region = "innlandet";

    public static readonly TestKey LeaderA = new("leader-3417", "leader", "leader-a-key-6Jq3", [MunicipalityA]);
    public static readonly TestKey LeaderB = new("leader-3401", "leader", "leader-b-key-T0c8", [MunicipalityB]);
    public static readonly TestKey IngestA = new("ingest-3417", "ingest", "ingest-a-key-pW2x", [MunicipalityA]);
    public static readonly TestKey IngestB = new("ingest-3401", "ingest", "ingest-b-key-Ls5n", [MunicipalityB]);
    public static readonly TestKey Kontor = new("kontor-innlandet", "alis-kontor", "kontor-key-Y7dd", [], Region);
    public static readonly TestKey KontorElsewhere = new("kontor-nordland", "alis-kontor", "kontor-n-key-Qe4r", [], "nordland");
    public static readonly TestKey Operator = new("operator-1", "operator", "operator-key-Kv9a", []);
    public static readonly TestKey ExpiredLeaderA = new("leader-3417-old", "leader", "expired-key-Hh1e", [MunicipalityA], ExpiresAt: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static IReadOnlyList<TestKey> Keys { get; } = [LeaderA, LeaderB, IngestA, IngestB, Kontor, KontorElsewhere, Operator, ExpiredLeaderA];

    /// <summary>Exp claims far ahead, or long past, of any clock the tests run at (2026 and today).</summary>
    public static readonly long FutureExp = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    public static readonly long PastExp = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The key of the given role whose scope includes A (the ALIS-kontor's region does; the operator has no scope).</summary>
    public static TestKey InA(string role) => Keys.First(key => key.Role == role && key.ExpiresAt is null && (IsInA(key) || (key.Municipalities.Length == 0 && key.Region is null)));

    /// <summary>A key of the given role whose scope leaves A out (none for the operator, who has no municipality).</summary>
    public static TestKey? OutsideA(string role) => Keys.FirstOrDefault(key => key.Role == role && key.ExpiresAt is null && !IsInA(key) && (key.Municipalities.Length > 0 || key.Region is not null));

    private static bool IsInA(TestKey key) => key.Municipalities.Contains(MunicipalityA) || key.Region == Region;

    public static Dictionary<string, string?> Settings(bool easyAuth)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AlisCompliance:Access:EasyAuth"] = easyAuth ? "true" : "false",
            [$"AlisCompliance:Access:Regions:{Region}:0"] = MunicipalityA,
            [$"AlisCompliance:Access:Regions:{Region}:1"] = MunicipalityB,
        };
        for (var index = 0; index < Keys.Count; index++)
        {
            var key = Keys[index];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"AlisCompliance:Access:Keys:{index}:");
            settings[prefix + "Id"] = key.Id;
            settings[prefix + "Role"] = key.Role;
            settings[prefix + "Sha256"] = key.Sha256;
            settings[prefix + "Region"] = key.Region;
            settings[prefix + "ExpiresAt"] = key.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture);
            for (var m = 0; m < key.Municipalities.Length; m++)
            {
                settings[prefix + string.Create(CultureInfo.InvariantCulture, $"Municipalities:{m}")] = key.Municipalities[m];
            }
        }

        return settings;
    }

    /// <summary>
    /// An Easy Auth principal as Entra ID sends it: app roles as <c>roles</c> claims while <c>role_typ</c> names the long
    /// role URI, the object id, scope claims, an <c>exp</c>.
    /// </summary>
    public static string Principal(string objectId, string[] roles, string[] municipalities, string? region = null, long? exp = null)
    {
        var claims = new List<object> { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId }, new { typ = "name", val = "Test Testesen" } };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role }));
        claims.AddRange(municipalities.Select(m => new { typ = "alis_municipality", val = m }));
        if (region is not null)
        {
            claims.Add(new { typ = "alis_region", val = region });
        }

        claims.Add(new { typ = "exp", val = (exp ?? FutureExp).ToString(CultureInfo.InvariantCulture) });
        var json = JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            claims,
            name_typ = "name",
            role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
