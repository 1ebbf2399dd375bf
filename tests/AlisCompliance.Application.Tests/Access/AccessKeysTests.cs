using AlisCompliance.Application.Access;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>Keys by their SHA-256: the right key gives its holder, anything else nothing; expiry; a broken configuration stops the host.</summary>
public sealed class AccessKeysTests
{
    [Fact]
    public void A_configured_key_gives_its_holder_role_and_scope()
    {
        var leader = Keys().Check(TestCallers.LeaderA.Key, AccessFixtures.Now).Caller!;
        var kontor = Keys().Check(TestCallers.Kontor.Key, AccessFixtures.Now).Caller!;

        leader.Id.Should().Be(TestCallers.LeaderA.Id);
        leader.Roles.Should().BeEquivalentTo("leader");
        leader.Municipalities.Should().BeEquivalentTo(TestCallers.MunicipalityA);
        kontor.RegionMunicipalities.Should().BeEquivalentTo(TestCallers.MunicipalityA, TestCallers.MunicipalityB);
        kontor.Municipalities.Should().BeEmpty();
    }

    [Theory]
    [InlineData("leader-a-key-6Jq")]
    [InlineData("LEADER-A-KEY-6JQ3")]
    [InlineData(" leader-a-key-6Jq3")]
    public void Any_other_key_is_unknown(string presented)
    {
        Keys().Check(presented, AccessFixtures.Now).Failure.Should().Be(AuthenticationFailure.UnknownKey);
    }

    [Fact]
    public void The_hash_is_configured_never_the_key()
    {
        var configured = AccessFixtures.Options().Keys.Single(key => key.Id == TestCallers.LeaderA.Id);

        Keys().Check(configured.Sha256, AccessFixtures.Now).Failure.Should().Be(AuthenticationFailure.UnknownKey);
    }

    [Fact]
    public void A_key_is_refused_from_its_expiry_on()
    {
        var key = new AccessKeyOptions { Id = "k", Role = "leader", Sha256 = TestCallers.LeaderA.Sha256, ExpiresAt = AccessFixtures.Now.ToDateTimeOffset() };
        var keys = new AccessKeys([key], AccessFixtures.Scopes());

        keys.Check(TestCallers.LeaderA.Key, AccessFixtures.Now).Failure.Should().Be(AuthenticationFailure.Expired);
        keys.Check(TestCallers.LeaderA.Key, AccessFixtures.Now - NodaTime.Duration.FromSeconds(1)).Caller.Should().NotBeNull();
    }

    [Theory]
    [InlineData("leader", "abc")]
    [InlineData("leader", "")]
    [InlineData("admin", "0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_key_without_a_sha256_or_with_an_unknown_role_stops_the_configuration(string role, string sha256)
    {
        var create = () => new AccessKeys([new AccessKeyOptions { Id = "k", Role = role, Sha256 = sha256 }], AccessFixtures.Scopes());

        create.Should().Throw<InvalidOperationException>().WithMessage("*AlisCompliance:Access:Keys*");
    }

    private static AccessKeys Keys() => new(AccessFixtures.Options().Keys, AccessFixtures.Scopes());
}
