using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Control;

/// <summary><c>POST /emulator/access-tokens</c>: more organization tokens, optionally with fewer scopes.</summary>
public sealed class AccessTokenTests : EmulatorTest
{
    [Fact]
    public async Task A_token_is_minted_with_exactly_the_scopes_asked_for()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["products:read", "customers:write"]}""");

        Assert.Equal(201, status);
        var token = (string)body!["token"]!;
        Assert.Matches("^polar_oat_[A-Za-z0-9]{43}$", token);
        Assert.NotEqual(Emulator.AccessToken, token);
        Assert.Equal(["customers:write", "products:read"], body["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["customers:write", "products:read"], Emulator.State.Tokens.Find(token)!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_scopes_the_token_gets_every_scope()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens");

        Assert.Equal(201, status);
        Assert.Equal(AccessTokens.AllScopes.Order(StringComparer.Ordinal), body!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Contains("subscriptions:write", AccessTokens.AllScopes);
    }

    [Theory]
    [InlineData("""{"scopes": ["products:read", "products:teleport"]}""", "products:teleport")]
    [InlineData("""{"scopes": "products:read"}""", "'scopes' must be a list of strings")]
    [InlineData("""{"scopes": [1]}""", "'scopes' must be a list of strings")]
    [InlineData("""[]""", "JSON object")]
    [InlineData("""{"scopes": """, "not JSON")]
    public async Task A_bad_request_is_400_naming_the_problem(string json, string detail)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", json);

        Assert.Equal(400, status);
        Assert.Equal("InvalidControlRequest", (string?)body!["error"]);
        Assert.Contains(detail, (string?)body["detail"], StringComparison.Ordinal);
    }
}
