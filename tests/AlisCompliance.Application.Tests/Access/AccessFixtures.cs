using AlisCompliance.Application.Access;
using AlisCompliance.Tests.Shared;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>The test callers' access configuration, bound as the hosts bind it, and a moment in 2026.</summary>
internal static class AccessFixtures
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    public static AccessOptions Options(bool easyAuth = false) =>
        new ConfigurationBuilder().AddInMemoryCollection(TestCallers.Settings(easyAuth)).Build().GetSection(AccessOptions.Section).Get<AccessOptions>()!;

    public static CallerScopes Scopes() => new(Options());
}
