using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pipeline;

/// <summary>Bearer organization tokens and the scopes each operation accepts, answered in Polar's (and Authlib's) shapes.</summary>
public sealed class AuthenticationTests : EmulatorTest
{
    private const string ValidProduct = """{"name": "Pro plan", "recurring_interval": "month", "prices": [{"amount_type": "fixed", "price_amount": 1500, "price_currency": "usd"}]}""";

    [Fact]
    public async Task A_call_without_a_token_is_401_Unauthorized_with_the_bearer_challenge()
    {
        using var response = await CreateHttpClient(token: null).GetAsync("/v1/products/", TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("""{"error":"Unauthorized","detail":"Unauthorized"}""", await BodyAsync(response));
        Assert.Equal("Bearer realm=\"polar\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Another_authorization_scheme_counts_as_no_token()
    {
        var client = CreateHttpClient(token: null);
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("user:pass"u8.ToArray()));

        using var response = await client.GetAsync("/v1/products/", TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("\"Unauthorized\"", await BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_is_401_invalid_token()
    {
        var client = CreateHttpClient("polar_oat_ThisTokenWasNeverIssuedByTheEmulator000000");

        using var response = await client.GetAsync("/v1/products/", TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(
            """{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed, or invalid for other reasons."}""",
            await BodyAsync(response));
        Assert.StartsWith("Bearer realm=\"polar\", error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_reads_but_gets_403_insufficient_scope_on_a_write()
    {
        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["products:read"]}""");
        var readOnly = CreateHttpClient((string)minted!["token"]!);

        var (readStatus, _) = await SendAsync(HttpMethod.Get, "/v1/products/", client: readOnly);
        using var write = await readOnly.PostAsync("/v1/products/", Json(ValidProduct), TestContext.Current.CancellationToken);

        Assert.Equal(200, readStatus);
        Assert.Equal(403, (int)write.StatusCode);
        Assert.Equal(
            """{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}""",
            await BodyAsync(write));
        Assert.Equal("Bearer realm=\"polar\", error=\"insufficient_scope\", scope=\"products:write\"", write.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_write_scope_also_reads_as_the_spec_allows()
    {
        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["products:write"]}""");

        var (status, _) = await SendAsync(HttpMethod.Get, "/v1/products/", client: CreateHttpClient((string)minted!["token"]!));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_token_for_another_resource_gets_403()
    {
        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["customers:read", "customers:write"]}""");

        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/products/", client: CreateHttpClient((string)minted!["token"]!));

        Assert.Equal(403, status);
        Assert.Equal("insufficient_scope", (string?)body!["error"]);
    }

    [Fact]
    public async Task Scopes_are_checked_before_the_body_is_validated()
    {
        var (_, minted) = await SendAsync(HttpMethod.Post, "/emulator/access-tokens", """{"scopes": ["products:read"]}""");

        var (status, _) = await SendAsync(HttpMethod.Post, "/v1/products/", "{}", CreateHttpClient((string)minted!["token"]!));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task An_operation_Polar_serves_anonymously_takes_no_token()
    {
        var anonymous = CreateHttpClient(token: null);

        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/checkouts/client/polar_c_NoSuchClientSecretInTheEmulator00000000000", client: anonymous);

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static Task<string> BodyAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
