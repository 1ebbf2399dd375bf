using System.Text;
using AlisCompliance.Application.Access;
using AlisCompliance.Tests.Shared;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>Easy Auth's principal header read into a caller: the shape Entra ID sends, the base64 variants, and every way it can be wrong.</summary>
public sealed class ClientPrincipalTests
{
    [Fact]
    public void An_entra_principal_gives_its_object_id_app_roles_and_municipalities()
    {
        var header = TestCallers.Principal("oid-1", ["leader", "alis-kontor"], ["3417", "3401"], TestCallers.Region);

        var caller = Parse(header).Caller!;

        caller.Id.Should().Be("oid-1");
        caller.Roles.Should().BeEquivalentTo("leader", "alis-kontor");
        caller.Municipalities.Should().BeEquivalentTo("3417", "3401");
        caller.RegionMunicipalities.Should().BeEquivalentTo(TestCallers.MunicipalityA, TestCallers.MunicipalityB);
    }

    [Fact]
    public void Unpadded_and_url_safe_base64_read_the_same()
    {
        var padded = TestCallers.Principal("oid-ÆØÅ~~~??>>", ["leader"], ["3417"]);
        var variants = new[] { padded, padded.TrimEnd('='), padded.Replace('+', '-').Replace('/', '_').TrimEnd('=') };

        variants.Select(variant => Parse(variant).Caller!.Id).Should().AllBe("oid-ÆØÅ~~~??>>");
    }

    [Fact]
    public void Roles_are_read_from_role_typ_as_well_as_from_roles_claims()
    {
        var header = Encode("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"o"},{"typ":"my_role","val":"operator"}],"name_typ":"name","role_typ":"my_role"}""");

        Parse(header).Caller!.Roles.Should().BeEquivalentTo("operator");
    }

    [Fact]
    public void Roles_that_are_not_ours_are_dropped_so_the_table_refuses_the_caller()
    {
        var caller = Parse(TestCallers.Principal("oid-1", ["Admin"], ["3417"])).Caller!;

        caller.Roles.Should().BeEmpty();
        AccessTable.Grant("ComplianceStatus", caller, "3417").Should().BeNull();
    }

    [Fact]
    public void Without_an_object_id_the_principal_id_header_names_the_caller()
    {
        var header = Encode("""{"claims":[{"typ":"roles","val":"leader"}]}""");

        ClientPrincipal.Parse(header, "id-from-header", AccessFixtures.Scopes(), AccessFixtures.Now).Caller!.Id.Should().Be("id-from-header");
        ClientPrincipal.Parse(header, null, AccessFixtures.Scopes(), AccessFixtures.Now).Failure.Should().Be(AuthenticationFailure.Malformed);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("//79")] // base64 of bytes that are not UTF-8
    public void A_header_that_is_not_base64_of_utf8_is_malformed(string header)
    {
        Parse(header).Failure.Should().Be(AuthenticationFailure.Malformed);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"auth_typ":"aad"}""")]
    [InlineData("""{"claims":{"typ":"roles"}}""")]
    [InlineData("""{"claims":[{"typ":"roles","val":1}]}""")]
    [InlineData("""{"claims":[{"typ":"oid","val":"o"}]}""")]
    [InlineData("""{"claims":[{"typ":"oid","val":"o"},{"typ":"roles","val":"leader"}]} trailing""")]
    [InlineData("""{"claims":[],"claims":[{"typ":"oid","val":"o"},{"typ":"roles","val":"leader"}]}""")]
    [InlineData("""{"claims":[{"typ":"oid","val":"o"},{"typ":"roles","val":"leader"},{"typ":"exp","val":"soon"}]}""")]
    public void Json_that_is_not_a_principal_with_an_id_and_roles_is_malformed(string json)
    {
        Parse(Encode(json)).Failure.Should().Be(AuthenticationFailure.Malformed);
    }

    [Fact]
    public void A_past_exp_is_expired_and_a_principal_without_exp_is_read()
    {
        Parse(TestCallers.Principal("oid-1", ["leader"], ["3417"], exp: AccessFixtures.Now.ToUnixTimeSeconds())).Failure.Should().Be(AuthenticationFailure.Expired);
        Parse(TestCallers.Principal("oid-1", ["leader"], ["3417"], exp: AccessFixtures.Now.ToUnixTimeSeconds() + 1)).Caller.Should().NotBeNull();
        Parse(Encode("""{"claims":[{"typ":"oid","val":"o"},{"typ":"roles","val":"leader"}]}""")).Caller.Should().NotBeNull();
    }

    [Fact]
    public void A_header_larger_than_any_principal_is_refused_unread()
    {
        Parse(new string('A', ClientPrincipal.MaxHeaderLength + 4)).Failure.Should().Be(AuthenticationFailure.Malformed);
    }

    private static Authentication Parse(string header) => ClientPrincipal.Parse(header, null, AccessFixtures.Scopes(), AccessFixtures.Now);

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
