using PolarBilling.Client.Internal;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Http;

/// <summary>What every call puts on the wire: auth, API version, organization, user agent, accept, body.</summary>
public sealed class TransportHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_call_sends_the_bearer_token_the_default_version_json_accept_and_a_user_agent()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/products/").Always(LoopbackResponse.Json(200, SpecSamples.ProductPage(1, 1, 1)));
        var client = server.CreateClient();

        await client.Products.Transport.ListAsync<Product>("v1/products/", null, null, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer polar_oat_test", request.Header("Authorization"));
        Assert.Equal("2026-10", request.Header("Polar-Version"));
        Assert.Equal(PolarClientOptions.DefaultApiVersion, request.Header("Polar-Version"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Matches(@"^PolarBilling\.Client/\d+\.\d+\.\d+$", request.Header("User-Agent"));
        Assert.Null(request.Header("Polar-Organization"));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Configured_version_organization_and_user_agent_suffix_are_sent()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o =>
        {
            o.ApiVersion = "2026-04";
            o.OrganizationId = "org-1";
            o.UserAgentSuffix = "SaasStarter/1.2";
        });

        await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("2026-04", request.Header("Polar-Version"));
        Assert.Equal("org-1", request.Header("Polar-Organization"));
        Assert.EndsWith(" SaasStarter/1.2", request.Header("User-Agent"));
    }

    [Fact]
    public async Task Per_request_options_override_token_version_and_organization_for_that_call_only()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o => o.OrganizationId = "org-1");
        var transport = client.Products.Transport;

        await transport.GetAsync<PolarPagination>("v1/x", null,
            new PolarRequestOptions { AccessToken = "polar_oat_other", ApiVersion = "2027-01", OrganizationId = "org-2" }, Ct);
        await transport.GetAsync<PolarPagination>("v1/x", null, null, Ct);

        var (overridden, normal) = (server.Requests[0], server.Requests[1]);
        Assert.Equal(("Bearer polar_oat_other", "2027-01", "org-2"),
            (overridden.Header("Authorization"), overridden.Header("Polar-Version"), overridden.Header("Polar-Organization")));
        Assert.Equal(("Bearer polar_oat_test", "2026-10", "org-1"),
            (normal.Header("Authorization"), normal.Header("Polar-Version"), normal.Header("Polar-Organization")));
    }

    [Fact]
    public async Task A_per_request_token_works_when_the_client_has_none()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient(o => o.AccessToken = null);

        await client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, new PolarRequestOptions { AccessToken = "polar_oat_call" }, Ct);

        Assert.Equal("Bearer polar_oat_call", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Without_any_token_an_authenticated_call_fails_before_sending_and_says_what_to_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient(o => o.AccessToken = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Products.Transport.GetAsync<PolarPagination>("v1/x", null, null, Ct));

        Assert.Contains("GET /v1/x", error.Message);
        Assert.Contains("POLAR_ACCESS_TOKEN", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unauthenticated_call_sends_no_authorization_header()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/checkouts/client/{client_secret}").Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient();

        await client.Products.Transport.GetAsync<PolarPagination>("v1/checkouts/client/polar_c_abc", null, null, Ct, authenticated: false);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("2026-10", request.Header("Polar-Version"));
    }

    [Fact]
    public async Task A_write_sends_its_body_as_compact_json_with_a_json_content_type()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/x/{id}").Always(LoopbackResponse.Json(200, """{"total_count":3}"""));
        var client = server.CreateClient();

        var answer = await client.Products.Transport.SendAsync<PolarPagination, PolarPagination>(
            HttpMethod.Patch, "v1/x/1", new PolarPagination { MaxPage = 2 }, RetryMode.Safe, null, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", "/v1/x/1"), (request.Method, request.Path));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"max_page":2}""", request.BodyText);
        Assert.Equal(3, answer.TotalCount);
    }

    [Fact]
    public async Task Query_values_are_escaped_and_arrays_repeat_their_key()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/x").Always(LoopbackResponse.Json(200, "{}"));
        var client = server.CreateClient();
        var query = new PolarQuery().Add("email", "a+b@example.com").Add("product_id", new[] { "p1", "p2" }).Add("is_archived", false);

        await client.Products.Transport.GetAsync<PolarPagination>("v1/x", query, null, Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(["a+b@example.com"], request.QueryValues("email"));
        Assert.Equal(["p1", "p2"], request.QueryValues("product_id"));
        Assert.Equal(["false"], request.QueryValues("is_archived"));
    }
}
