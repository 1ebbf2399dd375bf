using AlisCompliance.Application.Access;
using AlisCompliance.Tests.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NodaTime.Testing;

namespace AlisCompliance.Application.Tests.Access;

/// <summary>Which credential counts: the principal only when Easy Auth is on, a key either way; header names in any case.</summary>
public sealed class CallerAuthenticatorTests
{
    [Fact]
    public void Header_names_are_matched_in_any_case()
    {
        var onKey = Authenticate(easyAuth: false, ("x-alis-KEY", TestCallers.LeaderA.Key));
        var onPrincipal = Authenticate(easyAuth: true, ("x-ms-client-principal", TestCallers.Principal("oid-1", ["leader"], ["3417"])));

        onKey.Caller!.Id.Should().Be(TestCallers.LeaderA.Id);
        onPrincipal.Caller!.Id.Should().Be("oid-1");
    }

    [Fact]
    public void With_easy_auth_off_a_principal_is_forged_unless_a_valid_key_comes_with_it()
    {
        var principal = (ClientPrincipal.Header, TestCallers.Principal("oid-1", ["operator"], []));

        Authenticate(easyAuth: false, principal).Failure.Should().Be(AuthenticationFailure.Forged);
        Authenticate(easyAuth: false, principal, (AccessKeys.Header, TestCallers.LeaderA.Key)).Caller!.Id.Should().Be(TestCallers.LeaderA.Id);
    }

    [Fact]
    public void With_easy_auth_on_the_principal_is_the_caller_and_keys_still_work_without_one()
    {
        var principal = (ClientPrincipal.Header, TestCallers.Principal("oid-1", ["operator"], []));
        var key = (AccessKeys.Header, TestCallers.LeaderA.Key);

        Authenticate(easyAuth: true, principal, key).Caller!.Id.Should().Be("oid-1");
        Authenticate(easyAuth: true, key).Caller!.Id.Should().Be(TestCallers.LeaderA.Id);
    }

    [Fact]
    public void Nothing_is_missing_credentials()
    {
        Authenticate(easyAuth: true).Failure.Should().Be(AuthenticationFailure.Missing);
        Authenticate(easyAuth: false, ("Authorization", "Bearer x")).Failure.Should().Be(AuthenticationFailure.Missing);
    }

    private static Authentication Authenticate(bool easyAuth, params (string Name, string Value)[] headers)
    {
        var request = new DefaultHttpContext().Request;
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return new CallerAuthenticator(Options.Create(AccessFixtures.Options(easyAuth)), new FakeClock(AccessFixtures.Now)).Authenticate(request.Headers);
    }
}
