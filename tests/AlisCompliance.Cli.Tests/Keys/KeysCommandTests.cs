using AlisCompliance.Application.Access;
using AlisCompliance.Cli.Tests.Commands;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AlisCompliance.Cli.Tests.Keys;

/// <summary>`keys new`: the printed settings, read as serve reads environment variables, know the printed key and nothing else.</summary>
public sealed class KeysCommandTests
{
    [Fact]
    public async Task The_printed_settings_authenticate_the_printed_key_as_its_role_and_municipality()
    {
        var run = await CliRun.RunAsync("keys", "new", "--role", "leader", "--municipality", "3417", "--id", "leder-3417-mobil", "--expires", "2027-06-30");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var key = lines[1];
        var settings = lines.Where(line => line.StartsWith("AlisCompliance__", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0].Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair[1], StringComparer.Ordinal);
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AccessOptions.Section).Get<AccessOptions>()!;
        var keys = new AccessKeys(options.Keys, new CallerScopes(options));

        run.Output.Should().Contain(AccessKeys.Header);
        settings.Values.Should().NotContain(key, "only the key's hash goes into configuration");
        var caller = keys.Check(key, Instant.FromUtc(2027, 6, 29, 23, 59)).Caller!;
        caller.Id.Should().Be("leder-3417-mobil");
        caller.Roles.Should().BeEquivalentTo("leader");
        caller.Municipalities.Should().BeEquivalentTo("3417");
        keys.Check(key, Instant.FromUtc(2027, 6, 30, 0, 0)).Failure.Should().Be(AuthenticationFailure.Expired);
    }

    [Fact]
    public async Task Two_keys_are_never_the_same()
    {
        var first = await CliRun.RunAsync("keys", "new", "--role", "operator");
        var second = await CliRun.RunAsync("keys", "new", "--role", "operator");

        first.Output.Split('\n')[1].Should().NotBe(second.Output.Split('\n')[1]).And.HaveLength(43);
    }

    [Theory]
    [InlineData("leader", "Rollen leader gjelder bestemte kommuner")]
    [InlineData("alis-kontor", "oppgi --region")]
    [InlineData("admin", "Ukjent rolle «admin»")]
    public async Task A_key_without_the_scope_its_role_needs_is_refused_in_norwegian(string role, string message)
    {
        var run = await CliRun.RunAsync("keys", "new", "--role", role);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
        run.Output.Should().BeEmpty();
    }
}
